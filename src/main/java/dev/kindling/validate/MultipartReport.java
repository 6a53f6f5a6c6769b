package dev.kindling.validate;

import dev.kindling.analysis.Analysis;
import dev.kindling.analysis.PartAnalysis;
import dev.kindling.config.Finding;
import dev.kindling.config.yaml.Position;
import dev.kindling.userdata.UserData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report of a multipart message, part by part: findings about the message first, then each
 * part's findings about itself at the line that declares it, then those about its content. Lines of
 * parts stored verbatim are lines of the whole file; lines of transfer-encoded or compressed parts
 * are lines of the decoded part (their label ends in {@code ", decoded"}).
 */
final class MultipartReport {
  /** Appended to the label of a part whose lines are not lines of the file. */
  static final String DECODED = ", decoded";

  private final List<String> lines;
  private final List<Entry> entries = new ArrayList<>();

  private MultipartReport(UserData message) {
    this.lines = Validator.lines(message.text());
  }

  /** The entries for a multipart message, in part order. */
  static List<Entry> entries(Analysis analysis) {
    MultipartReport r = new MultipartReport(analysis.userData());
    Optional<String> first = Validator.sourceLine(r.lines, 1).map(Validator::printable);
    for (Finding f : analysis.findings()) {
      r.entries.add(new Entry(f.at(Position.START), Optional.empty(), first));
    }
    for (PartAnalysis part : analysis.parts()) {
      r.part(part);
    }
    return r.entries;
  }

  private void part(PartAnalysis analysed) {
    UserData.Part part = analysed.part().orElseThrow();
    String label = analysed.label();
    String headerLabel = part.headerLine() > 0 ? label : label + DECODED;
    Optional<String> header =
        part.headerLine() > 0
            ? Validator.sourceLine(lines, part.headerLine()).map(Validator::printable)
            : Optional.empty();
    for (Finding f : analysed.partFindings()) {
      entries.add(new Entry(f.at(at(part)), Optional.of(headerLabel), header));
    }
    String contentLabel = part.firstLine() > 0 ? label : label + DECODED;
    entries.addAll(
        Validator.located(
            analysed.findings(),
            Validator.shownLines(analysed),
            Optional.of(contentLabel),
            Math.max(part.firstLine() - 1, 0)));
  }

  /** The part's Content-Type value (or its boundary line) when known, else the start. */
  private Position at(UserData.Part part) {
    if (part.headerLine() <= 0) {
      return Position.START;
    }
    String line = Validator.sourceLine(lines, part.headerLine()).orElse("");
    int column = 1;
    if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
      column = "content-type:".length() + 1;
      while (column <= line.length()
          && (line.charAt(column - 1) == ' ' || line.charAt(column - 1) == '\t')) {
        column++;
      }
      column = Math.min(column, line.codePointCount(0, line.length()) + 1);
    }
    return new Position(part.headerLine(), column);
  }
}
