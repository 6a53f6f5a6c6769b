package dev.kindling.cli;

import dev.kindling.agent.AgentEnvironment;
import dev.kindling.agent.ExitStatus;
import dev.kindling.trace.StartupTrace;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kindling} command-line entry point. Only the subcommand that runs is built: picocli
 * reflects over a command's annotations when it is constructed, which costs start-up time.
 */
@Command(
    name = "kindling",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Boot agent for cloud-config: validate, render and apply user data.")
public final class Main implements Runnable {
  /** The subcommands' names, in the order help lists them. */
  static final List<String> COMMANDS =
      List.of(
          "validate",
          "render",
          "run",
          "fetch",
          "status",
          "query",
          "clean",
          "serve",
          "lsp",
          "explain",
          "completion");

  /**
   * A new command object for picocli, or null for an unknown name. A switch, not a table of lambdas
   * or method references: each of those is linked when {@code Main} is initialised (a method
   * reference also loads everything the command's methods mention), before any command runs.
   */
  static Object command(String name) {
    return switch (name) {
      case "validate" -> new ValidateCommand().spec();
      case "render" -> new RenderCommand();
      case "run" -> new RunCommand().spec();
      case "fetch" -> new FetchCommand();
      case "status" -> new StatusCommand();
      case "query" -> new QueryCommand();
      case "clean" -> new CleanCommand();
      case "serve" -> new ServeCommand();
      case "lsp" -> new LspCommand();
      case "explain" -> new ExplainCommand();
      case "completion" -> new CompletionCommand();
      default -> null;
    };
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the program and exits with its status. */
  public static void main(String[] args) {
    StartupTrace.mark("main");
    LoggingOptions.preset(args);
    LoggingOptions.presetColor(args);
    StdStreams std = new StdStreams();
    std.exit(run(args, std.out, std.err));
  }

  /** Runs the program with the given streams and returns its exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    if (args.length > 0 && args[0].equals("validate")) {
      Optional<OptionTable.Parsed> options =
          OptionTable.withOperands(ValidateCommand.options())
              .parse(Arrays.copyOfRange(args, 1, args.length));
      if (options.isPresent()) {
        StartupTrace.mark("arguments parsed");
        try {
          return ValidateCommand.of(options.get()).execute(out, err);
        } catch (IOException | RuntimeException e) {
          return failed(e, err);
        }
      }
    }
    if (args.length > 0 && args[0].equals("run")) {
      Optional<OptionTable.Parsed> options =
          OptionTable.of(RunCommand.options()).parse(Arrays.copyOfRange(args, 1, args.length));
      if (options.isPresent() && RunCommand.problem(options.get()).isEmpty()) {
        StartupTrace.mark("arguments parsed");
        LoggingOptions.apply(options.get());
        try {
          return RunCommand.execute(options.get(), AgentEnvironment.system(), err);
        } catch (RuntimeException e) {
          return failed(e, err);
        }
      }
    }
    Object sub = args.length > 0 ? command(args[0]) : null;
    CommandLine cl;
    String[] rest;
    if (sub != null) {
      cl = new CommandLine(sub);
      cl.setCommandName("kindling " + args[0]);
      rest = Arrays.copyOfRange(args, 1, args.length);
    } else {
      cl = model();
      rest = args;
    }
    cl.setOut(out).setErr(err);
    cl.setExitCodeExceptionMapper(UsageErrors.MAPPER);
    cl.setParameterExceptionHandler(UsageErrors::usageError);
    if (StartupTrace.ON) {
      StartupTrace.mark("command model built");
      cl.setExecutionStrategy(
          parsed -> {
            StartupTrace.mark("arguments parsed");
            return new CommandLine.RunLast().execute(parsed);
          });
    }
    return cl.execute(rest);
  }

  /**
   * Reports a failure of a command parsed without picocli as picocli reports a failed command (its
   * stack trace on standard error) and returns picocli's status for it ({@link ExitStatus#FAILED}).
   */
  private static int failed(Exception e, PrintWriter err) {
    e.printStackTrace(err);
    err.flush();
    return UsageErrors.MAPPER.getExitCode(e);
  }

  /** The whole command model: every command built, and {@code help [COMMAND]}. */
  static CommandLine model() {
    CommandLine main = new CommandLine(new Main());
    // Each command through its own CommandLine, as when it runs alone: picocli applies a command's
    // modelTransformer (the common options) only there.
    for (String name : COMMANDS) {
      main.addSubcommand(name, new CommandLine(command(name)));
    }
    main.addSubcommand("help", new CommandLine.HelpCommand());
    return main;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
