package dev.kindling.validate;

import dev.kindling.config.Severity;
import java.util.List;

/**
 * The totals over a set of reports, as {@code summary} in the JSON output.
 *
 * @param files how many inputs were validated
 * @param errors how many error entries
 * @param warnings how many warning entries
 * @param infos how many info entries
 */
public record Summary(int files, long errors, long warnings, long infos) {
  /** The totals of these reports. */
  public static Summary of(List<FileReport> reports) {
    long errors = 0;
    long warnings = 0;
    long infos = 0;
    for (FileReport report : reports) {
      errors += report.count(Severity.ERROR);
      warnings += report.count(Severity.WARNING);
      infos += report.count(Severity.INFO);
    }
    return new Summary(reports.size(), errors, warnings, infos);
  }

  /** Totals that grow one report at a time (the printers and validate keep no reports). */
  public static final class Counter {
    private int files;
    private long errors;
    private long warnings;
    private long infos;

    /** Adds one report's entries. */
    public void add(FileReport report) {
      files++;
      errors += report.count(Severity.ERROR);
      warnings += report.count(Severity.WARNING);
      infos += report.count(Severity.INFO);
    }

    /** The totals so far. */
    public Summary summary() {
      return new Summary(files, errors, warnings, infos);
    }
  }
}
