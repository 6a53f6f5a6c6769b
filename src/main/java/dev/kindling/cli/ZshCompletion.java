package dev.kindling.cli;

import dev.kindling.config.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A native zsh completion script ({@code _arguments}) generated from the command model: the
 * subcommands with their one-line summaries, each subcommand's options with their descriptions, and
 * their values: the choices of an option that has a fixed set ({@code --format}, {@code --color}),
 * files or directories for a path.
 */
final class ZshCompletion {
  private ZshCompletion() {}

  /** The script for {@code model}, the whole command tree. */
  static String script(CommandLine model) {
    String name = model.getCommandName();
    StringBuilder out = new StringBuilder();
    out.append("#compdef ").append(name).append('\n');
    out.append("# zsh completion for ")
        .append(name)
        .append(", generated from its command model.\n");
    out.append(
        "# Install: kindling completion zsh > \"${fpath[1]}/_kindling\", then compinit.\n\n");
    out.append("_").append(name).append("() {\n");
    out.append("  local curcontext=\"$curcontext\" state line\n");
    out.append("  typeset -A opt_args\n");
    out.append("  local -a commands\n");
    out.append("  commands=(\n");
    for (Map.Entry<String, CommandLine> sub : model.getSubcommands().entrySet()) {
      out.append("    ")
          .append(
              quoted(
                  sub.getKey() + ":" + CompletionCommand.summary(sub.getValue().getCommandSpec())))
          .append('\n');
    }
    out.append("  )\n");
    out.append("  _arguments -C \\\n");
    for (String spec : options(model.getCommandSpec())) {
      out.append("    ").append(spec).append(" \\\n");
    }
    out.append("    '1: :->command' \\\n");
    out.append("    '*:: :->argument'\n");
    out.append("  case $state in\n");
    out.append("    command)\n");
    out.append("      _describe -t commands '").append(name).append(" command' commands\n");
    out.append("      ;;\n");
    out.append("    argument)\n");
    out.append("      curcontext=\"${curcontext%:*:*}:").append(name).append("-$words[1]:\"\n");
    out.append("      case $words[1] in\n");
    for (String sub : model.getSubcommands().keySet()) {
      out.append("        ").append(sub).append(") ").append(function(name, sub)).append(" ;;\n");
    }
    out.append("      esac\n");
    out.append("      ;;\n");
    out.append("  esac\n");
    out.append("}\n");
    for (Map.Entry<String, CommandLine> sub : model.getSubcommands().entrySet()) {
      CommandSpec spec = sub.getValue().getCommandSpec();
      out.append('\n').append(function(name, sub.getKey())).append("() {\n");
      out.append("  _arguments -s");
      for (String option : options(spec)) {
        out.append(" \\\n    ").append(option);
      }
      for (String positional : positionals(spec, model)) {
        out.append(" \\\n    ").append(positional);
      }
      out.append("\n}\n");
    }
    out.append('\n').append("_").append(name).append(" \"$@\"\n");
    return out.toString();
  }

  /** The name of the function that completes {@code sub}'s words. */
  static String function(String command, String sub) {
    return "_" + command + "_" + sub.replace('-', '_');
  }

  /** One {@code _arguments} spec per name of each visible option. */
  static List<String> options(CommandSpec spec) {
    List<String> out = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      if (option.hidden()) {
        continue;
      }
      String exclusive =
          option.names().length > 1 && !repeatable(option)
              ? "(" + String.join(" ", option.names()) + ")"
              : "";
      String description = brackets(first(option.description()));
      for (String name : option.names()) {
        StringBuilder s = new StringBuilder();
        if (repeatable(option)) {
          s.append('*');
        }
        s.append(exclusive).append(name);
        boolean takesValue = option.arity().max() > 0;
        if (takesValue && name.startsWith("--")) {
          s.append('=');
        }
        s.append('[').append(description).append(']');
        if (takesValue) {
          s.append(':').append(label(option.paramLabel())).append(':').append(values(option));
        }
        out.add(quoted(s.toString()));
      }
    }
    return out;
  }

  /**
   * Specs for the positional parameters: {@code help}'s takes a command name, {@code explain}'s a
   * finding code.
   */
  private static List<String> positionals(CommandSpec spec, CommandLine model) {
    List<String> out = new ArrayList<>();
    for (PositionalParamSpec p : spec.positionalParameters()) {
      if (p.hidden()) {
        continue;
      }
      String action;
      if (spec.name().equals("help")) {
        action = "(" + String.join(" ", model.getSubcommands().keySet()) + ")";
      } else if (spec.name().equals("explain")) {
        List<String> codes = new ArrayList<>();
        for (Code code : Code.values()) {
          codes.add(code.id());
        }
        action = "(" + String.join(" ", codes) + ")";
      } else {
        action = values(p);
      }
      String position = p.arity().max() > 1 ? "*" : String.valueOf(p.index().min() + 1);
      out.add(quoted(position + ":" + label(p.paramLabel()) + ":" + action));
    }
    return out;
  }

  private static boolean repeatable(OptionSpec option) {
    return option.isMultiValue();
  }

  /** The completion action for an option's or parameter's value. */
  static String values(CommandLine.Model.ArgSpec arg) {
    Iterable<String> candidates = arg.completionCandidates();
    if (candidates != null) {
      List<String> words = new ArrayList<>();
      candidates.forEach(c -> words.add(c.toLowerCase(Locale.ROOT)));
      if (!words.isEmpty()) {
        return "(" + String.join(" ", words) + ")";
      }
    }
    String label = arg.paramLabel().replaceAll("^<|>$", "");
    if (label.matches("[a-z0-9-]+(\\|[a-z0-9-]+)+")) {
      return "(" + label.replace('|', ' ') + ")";
    }
    if (label.equals("DIR")) {
      return "_files -/";
    }
    Class<?> type = arg.type();
    if (label.matches("FILE|PATH|FILE\\.\\.\\.|PATH\\.\\.\\.")
        || type == java.nio.file.Path.class
        || type == java.io.File.class) {
      return "_files";
    }
    if (label.equals("SHELL")) {
      return "(bash zsh fish)";
    }
    return " ";
  }

  private static String label(String paramLabel) {
    String plain = paramLabel.replaceAll("^<|>$", "").replace(":", "\\:");
    return plain.isEmpty() ? "value" : plain;
  }

  private static String first(String[] lines) {
    return lines.length == 0 ? "" : lines[0].replace("${DEFAULT-VALUE}", "the default");
  }

  /** Text inside {@code [...]} of an {@code _arguments} spec. */
  private static String brackets(String text) {
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
  }

  /** A single-quoted zsh word. */
  static String quoted(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
