package dev.kindling.validate;

import dev.kindling.analysis.Analysis;
import dev.kindling.analysis.Analyzer;
import dev.kindling.analysis.PartAnalysis;
import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.yaml.Position;
import dev.kindling.config.yaml.YamlParser;
import dev.kindling.metadata.Metadata;
import dev.kindling.userdata.UserData;
import dev.kindling.value.LineBreaks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Validates user data: the report view of its {@link Analysis}, the same analysis {@code render}
 * and {@code run} plan from. Entries come in document order; multipart messages are reported part
 * by part ({@link MultipartReport}).
 */
public final class Validator {
  private Validator() {}

  /** Validates one input. Never throws on bad input. */
  public static FileReport validate(String file, byte[] data, Optional<Metadata> metadata) {
    return report(file, Analyzer.analyze(data, metadata));
  }

  /** The report of an analysis, for the input named {@code file}. */
  public static FileReport report(String file, Analysis analysis) {
    UserData data = analysis.userData();
    List<Entry> entries = new ArrayList<>();
    if (data.kind() == UserData.Kind.MULTIPART) {
      entries.addAll(MultipartReport.entries(analysis));
    } else {
      for (PartAnalysis part : analysis.parts()) {
        entries.addAll(single(part));
      }
    }
    return new FileReport(file, data.kind(), entries);
  }

  /** The entries of user data that is not multipart: the part's own findings first. */
  private static List<Entry> single(PartAnalysis part) {
    String text = part.content().text();
    List<Entry> entries = new ArrayList<>();
    for (Finding f : part.partFindings()) {
      Optional<String> first =
          f.code() == Code.COMPRESSION
              ? Optional.empty()
              : Optional.of(printable(text.lines().findFirst().orElse("")));
      entries.add(new Entry(f.at(Position.START), Optional.empty(), first));
    }
    entries.addAll(located(part.findings(), shownLines(part), Optional.empty(), 0));
    return entries;
  }

  /**
   * Findings located in {@code lines} as entries labelled {@code part}, every line moved down by
   * {@code offset} (a part's place in its file).
   */
  static List<Entry> located(
      List<Finding> findings, List<String> lines, Optional<String> part, int offset) {
    List<Entry> entries = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      Position p = f.position().orElse(Position.START);
      Optional<String> source = sourceLine(lines, p.line());
      Finding moved = offset == 0 ? f : f.at(new Position(p.line() + offset, p.column()));
      entries.add(new Entry(moved, part, source));
    }
    return entries;
  }

  /** The lines of a text. */
  static List<String> lines(String text) {
    return Arrays.asList(text.split("\n", -1));
  }

  /**
   * The lines of a YAML text as the YAML reader counts them (its positions are these lines): a line
   * ends at LF, CR LF, a lone CR, NEL, LS or PS, which are not part of the line.
   */
  static List<String> yamlLines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (LineBreaks.endsLine(text, i)) {
        boolean crLf = text.charAt(i) == '\n' && i > start && text.charAt(i - 1) == '\r';
        lines.add(text.substring(start, crLf ? i - 1 : i));
        start = i + 1;
      }
    }
    lines.add(text.substring(start));
    return lines;
  }

  /**
   * The lines of a part's content as excerpts show them: a cloud-config's lines as the YAML reader
   * counts them (so a file with lone CR line breaks shows the right line), its secret values masked
   * ({@link SecretMask}, which finds them in the tree of the text as written).
   */
  static List<String> shownLines(PartAnalysis part) {
    if (part.kind() != UserData.Kind.CLOUD_CONFIG) {
      return lines(part.content().text());
    }
    List<String> lines = yamlLines(part.content().text());
    if (part.findings().isEmpty()) {
      return lines;
    }
    // The analysis's tree when its positions are the text's; after templating, the text as written.
    return SecretMask.apply(
        lines, part.document().orElseGet(() -> YamlParser.parse(part.content().bytes())));
  }

  /** Line {@code line} (1-based) of {@code lines}, without a trailing CR. */
  static Optional<String> sourceLine(List<String> lines, int line) {
    if (line < 1 || line > lines.size()) {
      return Optional.empty();
    }
    String text = lines.get(line - 1);
    return Optional.of(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
  }

  /** The line with control characters shown as '?', for the caret display of binary input. */
  static String printable(String line) {
    StringBuilder out = new StringBuilder(Math.min(line.length(), 200));
    line.codePoints()
        .limit(200)
        .forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) && cp != '\t' ? '?' : cp));
    return out.toString();
  }
}
