package dev.kindling.cli;

import dev.kindling.agent.ExitStatus;
import picocli.CommandLine;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;

/** How picocli's parse errors (and exceptions that escape a command) become exit statuses. */
final class UsageErrors {
  /** Maps exceptions that escape a command to statuses. */
  static final IExitCodeExceptionMapper MAPPER =
      e -> e instanceof ParameterException ? ExitStatus.USAGE : ExitStatus.FAILED;

  private UsageErrors() {}

  /** Prints a usage error with the command's short usage and returns the usage status. */
  static int usageError(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    cl.getErr().println(cl.getCommandName() + ": " + e.getMessage());
    cl.getErr().println("Try '" + cl.getCommandName() + " --help' for more information.");
    return ExitStatus.USAGE;
  }
}
