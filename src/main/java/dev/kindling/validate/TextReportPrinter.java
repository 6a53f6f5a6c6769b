package dev.kindling.validate;

import dev.kindling.config.Finding;
import dev.kindling.config.Severity;
import dev.kindling.config.yaml.Position;
import dev.kindling.userdata.UserData;
import dev.kindling.value.OneLine;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints reports as {@code FILE:LINE:COLUMN: SEVERITY: MESSAGE [CODE]}, the source line, a caret
 * under the column, and the hint.
 */
public final class TextReportPrinter implements ReportPrinter {
  private static final String RESET = "\033[0m";

  private final PrintWriter out;
  private final boolean color;
  private final boolean quiet;
  private final Summary.Counter counter = new Summary.Counter();
  private int notChecked;
  private int unreadable;

  /** A printer writing to {@code out}, without colour, with the summary line. */
  public TextReportPrinter(PrintWriter out) {
    this(out, false, false);
  }

  /**
   * A printer writing to {@code out}; {@code color}: severities in ANSI colours; {@code quiet}: no
   * summary line (only the findings).
   */
  public TextReportPrinter(PrintWriter out, boolean color, boolean quiet) {
    this.out = out;
    this.color = color;
    this.quiet = quiet;
  }

  /**
   * Prints every entry of every report, then a summary line. An entry of a multipart part names the
   * part after the file: {@code user-data[part 2 (a.yaml)]:7:3}. When the part was transfer-encoded
   * or compressed the label ends in {@code ", decoded"} and the line counts lines of the decoded
   * part, not of the file.
   */
  @Override
  public void print(List<FileReport> reports) {
    begin();
    reports.forEach(this::file);
    end();
  }

  @Override
  public void begin() {}

  @Override
  public void file(FileReport report) {
    counter.add(report);
    if (report.type() == UserData.Kind.SCRIPT || report.type() == UserData.Kind.IGNITION) {
      notChecked++;
    }
    for (Entry entry : report.entries()) {
      print(report.file(), entry);
    }
    if (!report.entries().isEmpty()) {
      out.flush();
    }
  }

  @Override
  public void unreadable(String path, String reason) {
    unreadable++;
  }

  @Override
  public void end() {
    // String concatenation, not printf: Formatter loads locale data, a cost at every start.
    Summary s = counter.summary();
    if (quiet || (s.files() == 0 && unreadable > 0)) {
      // Nothing was read: the reasons are on standard error; "0 files checked" would add nothing.
      out.flush();
      return;
    }
    int checked = s.files() - notChecked;
    out.print(
        checked
            + plural(checked, " file", " files")
            + " checked"
            + (notChecked == 0
                ? ""
                : ", "
                    + notChecked
                    + " not checked (scripts and Ignition configs are not validated)")
            + ": "
            + s.errors()
            + plural(s.errors(), " error, ", " errors, ")
            + s.warnings()
            + plural(s.warnings(), " warning, ", " warnings, ")
            + s.infos()
            + plural(s.infos(), " info\n", " infos\n"));
    out.flush();
  }

  /** The severity's label, in its colour when colour is on. */
  private String severity(Severity severity) {
    if (!color) {
      return severity.label();
    }
    String code =
        switch (severity) {
          case ERROR -> "\033[1;31m";
          case WARNING -> "\033[1;33m";
          case INFO -> "\033[1;36m";
        };
    return code + severity.label() + RESET;
  }

  private static String plural(long n, String one, String many) {
    return n == 1 ? one : many;
  }

  private void print(String file, Entry entry) {
    Finding f = entry.finding();
    Position p = f.position().orElse(Position.START);
    String where = entry.part().map(part -> file + "[" + part + "]").orElse(file);
    StringBuilder text =
        new StringBuilder(where)
            .append(':')
            .append(p.line())
            .append(':')
            .append(p.column())
            .append(": ")
            .append(severity(f.severity()))
            .append(": ")
            .append(OneLine.escape(Excerpt.message(f.message())))
            .append(" [")
            .append(f.code().id())
            .append("]\n");
    entry
        .sourceLine()
        .ifPresent(
            line -> {
              Excerpt excerpt = Excerpt.around(line, p.column());
              text.append("  ")
                  .append(excerpt.text())
                  .append("\n  ")
                  .append(caretPadding(excerpt.text(), excerpt.column()))
                  .append("^\n");
            });
    f.hint()
        .ifPresent(
            h -> text.append("  hint: ").append(OneLine.escape(Excerpt.message(h))).append('\n'));
    out.print(text);
  }

  /** Spaces (tabs kept) up to the column, counted in code points. */
  private static String caretPadding(String line, int column) {
    StringBuilder pad = new StringBuilder();
    int[] cps = line.codePoints().toArray();
    for (int i = 0; i < column - 1; i++) {
      pad.append(i < cps.length && cps[i] == '\t' ? '\t' : ' ');
    }
    return pad.toString();
  }
}
