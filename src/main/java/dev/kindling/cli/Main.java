package dev.kindling.cli;

import dev.kindling.agent.ExitStatus;
import dev.kindling.trace.StartupTrace;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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
  /** The subcommands, by name, in the order help lists them. */
  static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  // Lambdas, not method references: a method reference links (and verifies) the command class
  // when Main is initialised, which loads everything its methods mention (Jackson, OkHttp...).
  static {
    COMMANDS.put("validate", () -> new ValidateCommand());
    COMMANDS.put("render", () -> new RenderCommand());
    COMMANDS.put("run", () -> new RunCommand().spec());
    COMMANDS.put("fetch", () -> new FetchCommand());
    COMMANDS.put("status", () -> new StatusCommand());
    COMMANDS.put("query", () -> new QueryCommand());
    COMMANDS.put("clean", () -> new CleanCommand());
    COMMANDS.put("serve", () -> new ServeCommand());
    COMMANDS.put("lsp", () -> new LspCommand());
    COMMANDS.put("explain", () -> new ExplainCommand());
    COMMANDS.put("completion", () -> new CompletionCommand());
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
      Optional<ValidateCommand> quick =
          QuickValidate.parse(Arrays.copyOfRange(args, 1, args.length));
      if (quick.isPresent()) {
        StartupTrace.mark("arguments parsed");
        return quick(quick.get(), out, err);
      }
    }
    Supplier<Object> sub = args.length > 0 ? COMMANDS.get(args[0]) : null;
    CommandLine cl;
    String[] rest;
    if (sub != null) {
      cl = new CommandLine(sub.get());
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
   * Runs a command parsed without picocli; a failure is reported as picocli reports a failed
   * command (its stack trace on standard error, exit status {@link ExitStatus#FAILED}).
   */
  private static int quick(ValidateCommand command, PrintWriter out, PrintWriter err) {
    try {
      return command.execute(out, err);
    } catch (IOException | RuntimeException e) {
      e.printStackTrace(err);
      err.flush();
      return UsageErrors.MAPPER.getExitCode(e);
    }
  }

  /** The whole command model: every command built, and {@code help [COMMAND]}. */
  static CommandLine model() {
    CommandLine main = new CommandLine(new Main());
    // Each command through its own CommandLine, as when it runs alone: picocli applies a command's
    // modelTransformer (the common options) only there.
    COMMANDS.forEach((name, command) -> main.addSubcommand(name, new CommandLine(command.get())));
    main.addSubcommand("help", new CommandLine.HelpCommand());
    return main;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
