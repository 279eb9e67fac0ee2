package io.tickwatch.dashboard.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.javalin.http.Context;
import java.io.IOException;

/** The one JSON mapper of the dashboard and small helpers. NaN is written as {@code null}. */
public final class Json {

  /** Shared, thread-safe mapper. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(
              new SimpleModule("tickwatch-finite-doubles")
                  .addSerializer(Double.class, new FiniteDoubleSerializer())
                  .addSerializer(double.class, new FiniteDoubleSerializer()));

  /** Writes NaN and infinities as {@code null}: JSON has no such numbers. */
  private static final class FiniteDoubleSerializer extends StdSerializer<Double> {
    FiniteDoubleSerializer() {
      super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (value == null || !Double.isFinite(value)) {
        gen.writeNull();
      } else {
        gen.writeNumber(value);
      }
    }
  }

  private Json() {}

  /** A double as a JSON value: {@code null} when NaN or infinite. */
  public static Double num(double value) {
    return Double.isFinite(value) ? value : null;
  }

  /** Serialises a value. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass(), e);
    }
  }

  /** Answers with JSON. */
  public static void answer(Context ctx, int status, Object value) {
    ctx.status(status);
    ctx.contentType("application/json; charset=utf-8");
    ctx.result(write(value));
  }

  /**
   * The request body as a JSON object.
   *
   * @throws ApiException 400 when it is not one
   */
  public static JsonNode body(Context ctx) {
    try {
      JsonNode node = MAPPER.readTree(ctx.bodyAsBytes());
      if (node == null || !node.isObject()) {
        throw new ApiException(400, "body must be a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new ApiException(400, "body is not valid JSON: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
