package dev.kindling.cli;

import dev.kindling.agent.ExitStatus;
import dev.kindling.config.Code;
import dev.kindling.config.bind.EditDistance;
import dev.kindling.validate.CodesPage;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kindling explain CODE}: what a finding code means, an example with what validate says
 * about it, and the fix; the same text as docs/codes.md. Without CODE, the list of codes.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    modelTransformer = LoggingOptions.Transformer.class,
    description = {
      "Explain a finding code: what it means, an example, and the fix.",
      "Without CODE, list every code. Exit status: 0 explained, 2 unknown code."
    })
public final class ExplainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "CODE",
      arity = "0..1",
      description = "A code as validate prints it in brackets, e.g. incorrect-type.")
  String code;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (code == null) {
      for (Code c : Code.values()) {
        out.println(String.format(Locale.ROOT, "%-24s %s", c.id(), c.summary()));
      }
      out.flush();
      return ExitStatus.OK;
    }
    String wanted = code.strip().replaceAll("^\\[|\\]$", "").toLowerCase(Locale.ROOT);
    for (Code c : Code.values()) {
      if (c.id().equals(wanted)) {
        out.print(CodesPage.explain(c));
        out.flush();
        return ExitStatus.OK;
      }
    }
    Code closest = null;
    int best = Integer.MAX_VALUE;
    for (Code c : Code.values()) {
      int d = EditDistance.between(wanted, c.id());
      if (d < best) {
        best = d;
        closest = c;
      }
    }
    err.println(
        "kindling explain: unknown code \""
            + code
            + "\""
            + (closest != null && best <= EditDistance.tolerance(wanted.length())
                ? "; did you mean \"" + closest.id() + "\"?"
                : "")
            + " ('kindling explain' lists every code)");
    err.flush();
    return ExitStatus.USAGE;
  }
}
