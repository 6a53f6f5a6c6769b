package dev.kindling.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;

/** Every exit status of {@code kindling}, decided in one place (docs/cli.md#exit-status). */
public final class ExitCodes {
  /** Success; for {@code validate}: no errors. */
  public static final int OK = 0;

  /** A step failed; for {@code validate}: at least one error (or warning with --strict). */
  public static final int FAILED = 1;

  /** Usage error, unreadable input, or no datasource in time. */
  public static final int USAGE = 2;

  /** Maps exceptions that escape a command to statuses. */
  static final IExitCodeExceptionMapper MAPPER =
      e -> e instanceof ParameterException ? USAGE : FAILED;

  private ExitCodes() {}

  /** Prints a usage error with the command's short usage and returns {@link #USAGE}. */
  static int usageError(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    cl.getErr().println(cl.getCommandName() + ": " + e.getMessage());
    cl.getErr().println("Try '" + cl.getCommandName() + " --help' for more information.");
    return USAGE;
  }
}
