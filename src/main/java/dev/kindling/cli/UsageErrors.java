package dev.kindling.cli;

import dev.kindling.agent.ExitStatus;
import picocli.CommandLine;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** How picocli's parse errors (and exceptions that escape a command) become exit statuses. */
final class UsageErrors {
  /** Maps exceptions that escape a command to statuses. */
  static final IExitCodeExceptionMapper MAPPER =
      e -> e instanceof ParameterException ? ExitStatus.USAGE : ExitStatus.FAILED;

  private UsageErrors() {}

  /*
   * The two factories below return picocli's exceptions typed as RuntimeException, for the classes
   * the direct parse of run and validate loads (RunCommand, ApplyOptions, CommandModels): a class
   * that throws one of picocli's own types carries a check of it (is it a Throwable?) into the
   * class archive it is linked in, and the JVM would open the jar at every start to load the
   * picocli classes and check it (picocli's Java 5 classes cannot be archived): about 5 ms of each
   * run. This class is only loaded where picocli parses.
   */

  /** A usage error of {@code spec}'s command: picocli prints it with the short usage. */
  static RuntimeException parameterError(CommandSpec spec, String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** A value that an option's converter refuses: picocli reports it as a usage error. */
  static RuntimeException conversionError(String message) {
    return new CommandLine.TypeConversionException(message);
  }

  /** Prints a usage error with the command's short usage and returns the usage status. */
  static int usageError(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    cl.getErr().println(cl.getCommandName() + ": " + e.getMessage());
    cl.getErr().println("Try '" + cl.getCommandName() + " --help' for more information.");
    return ExitStatus.USAGE;
  }
}
