package io.tickwatch.cli;

import java.nio.file.Path;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * Points the log file (Kafka's and Tickwatch's logs, see {@code log4j2.xml}) at a directory chosen
 * on the command line, so the console only shows Tickwatch's own concise lines.
 */
final class LogFiles {

  static final String LOG_DIR_PROPERTY = "tickwatch.log.dir";

  private LogFiles() {}

  static void writeTo(Path directory) {
    System.setProperty(LOG_DIR_PROPERTY, directory.toAbsolutePath().toString());
    if (LogManager.getContext(false) instanceof LoggerContext context) {
      context.reconfigure();
    }
  }
}
