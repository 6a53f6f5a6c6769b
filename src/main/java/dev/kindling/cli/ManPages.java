package dev.kindling.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Man pages generated from the command model: {@code kindling.1} and one {@code kindling-COMMAND.1}
 * per command, in roff. The distribution build runs {@link #main} and ships them ({@code man
 * kindling}, {@code man kindling-validate}).
 */
public final class ManPages {
  private ManPages() {}

  /** Writes every page into the directory {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ManPages DIR");
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    for (Map.Entry<String, String> page : pages().entrySet()) {
      Files.writeString(dir.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
    }
  }

  /** Every page, by file name. */
  static Map<String, String> pages() {
    CommandLine model = CompletionCommand.model();
    model.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("kindling.1", top(model));
    for (Map.Entry<String, CommandLine> sub : model.getSubcommands().entrySet()) {
      if (sub.getKey().equals("help")) {
        continue;
      }
      pages.put("kindling-" + sub.getKey() + ".1", command(sub.getKey(), sub.getValue()));
    }
    return pages;
  }

  private static String top(CommandLine model) {
    StringBuilder out = header("kindling", model.getCommandSpec());
    out.append(".SH SYNOPSIS\n.B kindling\n.I COMMAND\n[\\fIOPTIONS\\fR]\n");
    out.append(".SH DESCRIPTION\n");
    for (String line : model.getCommandSpec().usageMessage().description()) {
      out.append(text(line)).append('\n');
    }
    out.append(".SH COMMANDS\n");
    for (Map.Entry<String, CommandLine> sub : model.getSubcommands().entrySet()) {
      out.append(".TP\n.B ").append(sub.getKey()).append('\n');
      out.append(text(first(sub.getValue().getCommandSpec()))).append('\n');
      if (!sub.getKey().equals("help")) {
        out.append("See \\fBkindling-").append(sub.getKey()).append("\\fR(1).\n");
      }
    }
    out.append(".SH COMMON OPTIONS\n");
    out.append(
        "Every command takes \\fB-q\\fR/\\fB--quiet\\fR, \\fB-v\\fR/\\fB--verbose\\fR,"
            + " \\fB--color\\fR=auto|always|never (auto: colour only on a terminal, never with"
            + " NO_COLOR set), \\fB-h\\fR/\\fB--help\\fR and \\fB-V\\fR/\\fB--version\\fR.\n");
    out.append(
        ".SH SEE ALSO\nThe documentation in /usr/share/doc/kindling and docs/ of the source.\n");
    return out.toString();
  }

  private static String command(String name, CommandLine cl) {
    CommandSpec spec = cl.getCommandSpec();
    StringBuilder out = header("kindling-" + name, spec);
    out.append(".SH SYNOPSIS\n.B kindling ").append(name).append('\n');
    String synopsis =
        cl.getHelp()
            .synopsis(0)
            .replaceFirst("^Usage:\\s+kindling\\s+" + name, "")
            .replaceAll("\\s+", " ")
            .strip();
    out.append(text(synopsis)).append('\n');
    out.append(".SH DESCRIPTION\n");
    String[] description = spec.usageMessage().description();
    for (int i = 0; i < description.length; i++) {
      out.append(i == 0 ? "" : ".PP\n").append(text(description[i])).append('\n');
    }
    if (!spec.positionalParameters().isEmpty()) {
      out.append(".SH ARGUMENTS\n");
      for (PositionalParamSpec p : spec.positionalParameters()) {
        out.append(".TP\n.I ").append(text(p.paramLabel())).append('\n');
        out.append(text(String.join(" ", p.description()))).append('\n');
      }
    }
    out.append(".SH OPTIONS\n");
    for (OptionSpec o : spec.options()) {
      if (o.hidden()) {
        continue;
      }
      out.append(".TP\n");
      StringBuilder names = new StringBuilder();
      for (String n : o.names()) {
        names.append(names.length() == 0 ? "" : ", ").append("\\fB").append(text(n)).append("\\fR");
      }
      if (o.arity().max() > 0) {
        names.append(" \\fI").append(text(o.paramLabel())).append("\\fR");
      }
      out.append(names).append('\n');
      String d = String.join(" ", o.description());
      Object dv = o.defaultValue() != null ? o.defaultValue() : o.initialValue();
      d = d.replace("${DEFAULT-VALUE}", String.valueOf(dv));
      out.append(text(d)).append('\n');
    }
    out.append(".SH SEE ALSO\n\\fBkindling\\fR(1)\n");
    return out.toString();
  }

  private static StringBuilder header(String name, CommandSpec spec) {
    String version = spec.version().length > 0 ? spec.version()[0] : "";
    StringBuilder out = new StringBuilder();
    out.append(".TH ")
        .append(name.toUpperCase(java.util.Locale.ROOT))
        .append(" 1 \"\" \"")
        .append(text(version))
        .append("\" \"Kindling\"\n");
    out.append(".SH NAME\n").append(name.replace("-", "\\-")).append(" \\- ");
    out.append(text(first(spec))).append('\n');
    return out;
  }

  private static String first(CommandSpec spec) {
    return CompletionCommand.summary(spec);
  }

  /** Text safe in roff: backslashes and hyphens escaped, no line starting with a dot. */
  static String text(String s) {
    String t = s.replace("\\", "\\e").replace("-", "\\-");
    return t.startsWith(".") || t.startsWith("'") ? "\\&" + t : t;
  }
}
