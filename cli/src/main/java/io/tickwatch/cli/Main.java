package io.tickwatch.cli;

import io.tickwatch.cli.stack.StackException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Entry point of the {@code tickwatch} executable. Parses the command line with picocli, delegates
 * to the subcommand and maps failures to a one-line {@code tickwatch: error: ...} message and an
 * exit code: 0 success, 1 runtime failure, 2 usage error.
 */
public final class Main {

  /** Exit code for a failure while running (busy port, unreachable cluster, ...). */
  public static final int EXIT_FAILURE = 1;

  /** Exit code for bad command-line input. */
  public static final int EXIT_USAGE = 2;

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(execute(args, out, err));
  }

  /** Runs the command line and returns the exit code; never exits the JVM. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    return commandLine(out, err).execute(args);
  }

  /** The configured picocli command tree (exposed for tests and for adding subcommands). */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new TickwatchCommand());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setParameterExceptionHandler(Main::onUsageError);
    commandLine.setExecutionExceptionHandler(Main::onRuntimeError);
    return commandLine;
  }

  private static int onUsageError(ParameterException e, String[] args) {
    CommandLine failed = e.getCommandLine();
    failed
        .getErr()
        .println(
            "tickwatch: error: "
                + oneLine(e.getMessage())
                + " (see '"
                + failed.getCommandSpec().qualifiedName()
                + " --help')");
    return EXIT_USAGE;
  }

  private static int onRuntimeError(Exception e, CommandLine failed, ParseResult parseResult) {
    String message =
        e instanceof StackException || e instanceof IllegalArgumentException
            ? e.getMessage()
            : e.getClass().getSimpleName() + ": " + e.getMessage();
    failed.getErr().println("tickwatch: error: " + oneLine(message));
    org.slf4j.LoggerFactory.getLogger(Main.class).warn("Command failed", e);
    return e instanceof IllegalArgumentException ? EXIT_USAGE : EXIT_FAILURE;
  }

  static String oneLine(String message) {
    if (message == null || message.isBlank()) {
      return "unknown error";
    }
    return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
  }
}
