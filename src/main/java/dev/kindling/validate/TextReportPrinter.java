package dev.kindling.validate;

import dev.kindling.config.Finding;
import dev.kindling.config.yaml.Position;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints reports as {@code FILE:LINE:COLUMN: SEVERITY: MESSAGE [CODE]}, the source line, a caret
 * under the column, and the hint.
 */
public final class TextReportPrinter {
  private final PrintWriter out;

  /** A printer writing to {@code out}. */
  public TextReportPrinter(PrintWriter out) {
    this.out = out;
  }

  /**
   * Prints every entry of every report, then a summary line. An entry of a multipart part names the
   * part after the file: {@code user-data[part 2 (a.yaml)]:7:3}. When the part was transfer-encoded
   * or compressed the label ends in {@code ", decoded"} and the line counts lines of the decoded
   * part, not of the file.
   */
  public void print(List<FileReport> reports) {
    for (FileReport report : reports) {
      for (Entry entry : report.entries()) {
        print(report.file(), entry);
      }
    }
    Summary s = Summary.of(reports);
    out.printf(
        "%d %s checked: %d %s, %d %s, %d %s%n",
        s.files(),
        s.files() == 1 ? "file" : "files",
        s.errors(),
        s.errors() == 1 ? "error" : "errors",
        s.warnings(),
        s.warnings() == 1 ? "warning" : "warnings",
        s.infos(),
        s.infos() == 1 ? "info" : "infos");
    out.flush();
  }

  private void print(String file, Entry entry) {
    Finding f = entry.finding();
    Position p = f.position().orElse(Position.START);
    String where = entry.part().map(part -> file + "[" + part + "]").orElse(file);
    out.printf(
        "%s:%d:%d: %s: %s [%s]%n",
        where, p.line(), p.column(), f.severity().label(), f.message(), f.code().id());
    entry
        .sourceLine()
        .ifPresent(
            line -> {
              out.println("  " + line);
              out.println("  " + caretPadding(line, p.column()) + "^");
            });
    f.hint().ifPresent(h -> out.println("  hint: " + h));
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
