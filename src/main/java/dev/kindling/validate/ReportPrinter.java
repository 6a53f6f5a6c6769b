package dev.kindling.validate;

import java.io.IOException;
import java.util.List;

/**
 * A report printer that writes as it goes: {@link #begin}, then {@link #file} once per input in
 * order (each input's entries are written and flushed before the next one is given), then {@link
 * #end} with the summary. It keeps no report, so printing many inputs needs no more memory than
 * printing one.
 */
public interface ReportPrinter {
  /** Writes what comes before the first input. */
  void begin() throws IOException;

  /** Writes one input's entries. */
  void file(FileReport report) throws IOException;

  /**
   * Notes a path that could not be read (already said on standard error); called before {@link
   * #end}. Formats that have a place for it (JSON) list it.
   */
  default void unreadable(String path, String reason) {}

  /** Writes what comes after the last input (the summary) and flushes. */
  void end() throws IOException;

  /** Prints these reports: {@link #begin}, {@link #file} for each, {@link #end}. */
  default void print(List<FileReport> reports) throws IOException {
    begin();
    for (FileReport report : reports) {
      file(report);
    }
    end();
  }
}
