package dev.kindling.cli;

import dev.kindling.agent.ExitStatus;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kindling completion bash|zsh|fish}: a shell completion script generated from the command
 * model (bash by picocli; zsh by {@link ZshCompletion}; fish from the same model, here).
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    modelTransformer = LoggingOptions.Transformer.class,
    description = {
      "Print a shell completion script for bash, zsh or fish.",
      "bash: source <(kindling completion bash); zsh: kindling completion zsh >"
          + " \"$${fpath[1]}/_kindling\"; fish: kindling completion fish >"
          + " ~/.config/fish/completions/kindling.fish"
    })
public final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish.")
  String shell;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    CommandLine model = model();
    switch (shell.toLowerCase(Locale.ROOT)) {
      case "bash" -> out.print(AutoComplete.bash("kindling", model));
      case "zsh" -> out.print(ZshCompletion.script(model));
      case "fish" -> out.print(fish(model));
      default -> {
        spec.commandLine()
            .getErr()
            .println(
                "kindling completion: unknown shell \""
                    + shell
                    + "\" (expected bash, zsh or fish)");
        return ExitStatus.USAGE;
      }
    }
    out.flush();
    return ExitStatus.OK;
  }

  /** The whole command model, every subcommand built. */
  static CommandLine model() {
    return Main.model();
  }

  /** A fish completion script: the subcommands, then each one's options. */
  static String fish(CommandLine model) {
    StringBuilder out = new StringBuilder("# fish completion for kindling, generated\n");
    out.append("complete -c kindling -f\n");
    for (Map.Entry<String, CommandLine> sub : model.getSubcommands().entrySet()) {
      out.append("complete -c kindling -n __fish_use_subcommand -a ")
          .append(sub.getKey())
          .append(" -d ")
          .append(quoted(summary(sub.getValue().getCommandSpec())))
          .append('\n');
    }
    for (Map.Entry<String, CommandLine> sub : model.getSubcommands().entrySet()) {
      for (OptionSpec option : sub.getValue().getCommandSpec().options()) {
        if (option.hidden()) {
          continue;
        }
        out.append("complete -c kindling -n '__fish_seen_subcommand_from ")
            .append(sub.getKey())
            .append("'");
        for (String name : option.names()) {
          if (name.startsWith("--")) {
            out.append(" -l ").append(name.substring(2));
          } else if (name.length() == 2) {
            out.append(" -s ").append(name.substring(1));
          }
        }
        if (option.arity().max() > 0) {
          out.append(" -r");
          String values = ZshCompletion.values(option);
          if (values.startsWith("(")) {
            out.append(" -a ").append(quoted(values.substring(1, values.length() - 1)));
          } else if (values.startsWith("_files")) {
            out.append(" -F");
          }
        }
        String[] description = option.description();
        if (description.length > 0) {
          out.append(" -d ").append(quoted(description[0]));
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** A command's one-line summary, as the command list of {@code kindling --help} shows it. */
  static String summary(CommandSpec spec) {
    String[] header = spec.usageMessage().header();
    if (header.length > 0) {
      return header[0];
    }
    String[] description = spec.usageMessage().description();
    return description.length == 0 ? "" : description[0];
  }

  private static String quoted(String text) {
    String plain = text.replace("${DEFAULT-VALUE}", "").replace("\\", "\\\\").replace("'", "\\'");
    return "'" + plain + "'";
  }
}
