package io.tickwatch.cli.options;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters that turn bad option values into one-line reasons. */
public final class Converters {

  private Converters() {}

  /** {@link DurationParser} as a picocli converter. */
  public static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return DurationParser.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A TCP port, 1..65535. */
  public static final class PortConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      int port;
      try {
        port = Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a port number");
      }
      if (port < 1 || port > 65535) {
        throw new TypeConversionException("port " + port + " is outside 1..65535");
      }
      return port;
    }
  }

  /** A comma-separated list of {@code host:port}; returned normalised (no blanks). */
  public static final class BootstrapServersConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String[] entries = value.split(",");
      StringBuilder normalised = new StringBuilder();
      for (String raw : entries) {
        String entry = raw.trim();
        int colon = entry.lastIndexOf(':');
        if (colon <= 0 || colon == entry.length() - 1) {
          throw new TypeConversionException(
              "'" + entry + "' is not HOST:PORT (expected e.g. localhost:9092,broker2:9092)");
        }
        new PortConverter().convert(entry.substring(colon + 1));
        if (normalised.length() > 0) {
          normalised.append(',');
        }
        normalised.append(entry);
      }
      return normalised.toString();
    }
  }

  /** An absolute http(s) URL without a trailing slash. */
  public static final class HttpUrlConverter implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      String trimmed = value.trim();
      try {
        URI uri = new URI(trimmed);
        if (uri.getScheme() == null
            || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
            || uri.getHost() == null) {
          throw new TypeConversionException(
              "'" + value + "' is not an http(s) URL (expected e.g. http://localhost:8081)");
        }
      } catch (URISyntaxException e) {
        throw new TypeConversionException("'" + value + "' is not a URL: " + e.getReason());
      }
      return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
  }
}
