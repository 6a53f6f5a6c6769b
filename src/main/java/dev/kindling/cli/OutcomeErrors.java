package dev.kindling.cli;

import dev.kindling.agent.Outcome;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints why an agent request did not (entirely) succeed, one {@code PROGRAM: why} line each. The
 * agent does not log these itself, so each reason is printed once.
 */
final class OutcomeErrors {
  private OutcomeErrors() {}

  /**
   * Prints the error of {@code outcome}, and each datasource item that failed, prefixed by {@code
   * program} (e.g. {@code kindling run}).
   */
  static void print(String program, Outcome outcome, PrintWriter err) {
    for (String line : lines(outcome)) {
      err.println(program + ": " + line);
    }
    err.flush();
  }

  private static List<String> lines(Outcome outcome) {
    if (outcome instanceof Outcome.NoDatasource n) {
      return List.of(n.message());
    } else if (outcome instanceof Outcome.DatasourceFailed d) {
      return List.of("datasource " + d.datasource() + ": " + d.message());
    } else if (outcome instanceof Outcome.UsageError u) {
      return List.of(u.message());
    } else if (outcome instanceof Outcome.Failed f) {
      return List.of(f.message());
    } else if (outcome instanceof Outcome.Fetched f) {
      return f.acquired().failures();
    } else if (outcome instanceof Outcome.Planned p) {
      return p.datasourceFailures();
    } else if (outcome instanceof Outcome.Applied a) {
      return a.datasourceFailures();
    }
    return List.of();
  }
}
