package dev.kindling.cli.compat;

import dev.kindling.validate.Entry;
import dev.kindling.validate.FileReport;
import java.util.List;

/**
 * The lines {@code coreos-cloudinit -validate} logs for a report ({@code line N: kind: message},
 * without the log's timestamp): the original's findings, or every Kindling finding.
 */
public final class ValidateLines {
  /** Which findings are printed. */
  public enum Scope {
    /** What the original's validator reported (and errors its run failed on). */
    ORIGINAL,
    /** Every Kindling finding, in Kindling's words ({@code -validate-all}). */
    ALL
  }

  private ValidateLines() {}

  /**
   * The lines in {@code scope} for {@code report}, the report of {@code userData}; the launcher
   * exits 1 when there is any.
   */
  public static List<String> of(FileReport report, byte[] userData, Scope scope) {
    if (scope == Scope.ORIGINAL) {
      return OriginalFindings.lines(report, userData);
    }
    return report.entries().stream().map(ValidateLines::kindling).toList();
  }

  private static String kindling(Entry e) {
    return "line "
        + e.finding().position().map(p -> p.line()).orElse(1)
        + ": "
        + e.finding().severity().label()
        + ": "
        + e.finding().message();
  }
}
