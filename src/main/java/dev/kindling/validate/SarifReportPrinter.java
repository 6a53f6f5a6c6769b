package dev.kindling.validate;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kindling.config.Code;
import dev.kindling.config.CodeDocs;
import dev.kindling.config.Finding;
import dev.kindling.config.Severity;
import dev.kindling.config.yaml.Position;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prints reports as a SARIF 2.1.0 log (one run, one rule per finding code used, each with its
 * description, fix and documentation link), for code-scanning tools and editors.
 *
 * <p>The log lists its rules before its results, and a result names its rule by index, so nothing
 * can be written before the last input: {@link #file} keeps only what each result prints (a small
 * record per finding, not the report, its source lines or the input), and {@link #end} writes the
 * log.
 */
public final class SarifReportPrinter implements ReportPrinter {
  /** The SARIF 2.1.0 JSON schema. */
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private final Writer out;
  private final String toolVersion;
  private final Set<Code> used = EnumSet.noneOf(Code.class);
  private final List<Result> results = new ArrayList<>();

  /** What one result prints. */
  private record Result(Entry entry, String uri) {}

  /** A printer writing to {@code out}, naming the tool version {@code toolVersion}. */
  public SarifReportPrinter(Writer out, String toolVersion) {
    this.out = out;
    this.toolVersion = toolVersion;
  }

  @Override
  public void begin() {}

  /** Keeps the results of one input (its entries without their source lines). */
  @Override
  public void file(FileReport report) {
    String uri = uri(report.file());
    for (Entry entry : report.entries()) {
      used.add(entry.finding().code());
      results.add(new Result(new Entry(entry.finding(), entry.part(), Optional.empty()), uri));
    }
  }

  /** Prints the log, followed by a newline. */
  @Override
  public void end() throws IOException {
    Map<Code, Integer> ruleIndex = new EnumMap<>(Code.class);
    try (JsonGenerator g = JsonReportPrinter.Generators.pretty(out)) {
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA);
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      g.writeObjectFieldStart("tool");
      g.writeObjectFieldStart("driver");
      g.writeStringField("name", "kindling");
      g.writeStringField("version", toolVersion);
      g.writeArrayFieldStart("rules");
      for (Code code : used) {
        ruleIndex.put(code, ruleIndex.size());
        writeRule(g, code);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
      g.writeStringField("columnKind", "unicodeCodePoints");
      g.writeArrayFieldStart("results");
      for (Result r : results) {
        writeResult(g, r.entry(), r.uri(), ruleIndex.get(r.entry().finding().code()));
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    }
    out.write("\n");
    out.flush();
  }

  /**
   * A rule: its summary, what it means and how to fix it ({@link CodeDocs}), and the address of its
   * documentation.
   */
  private static void writeRule(JsonGenerator g, Code code) throws IOException {
    CodeDocs.Doc doc = CodeDocs.of(code);
    g.writeStartObject();
    g.writeStringField("id", code.id());
    g.writeObjectFieldStart("shortDescription");
    g.writeStringField("text", code.summary());
    g.writeEndObject();
    g.writeObjectFieldStart("fullDescription");
    g.writeStringField("text", doc.meaning());
    g.writeEndObject();
    g.writeStringField("helpUri", CodeDocs.helpUri(code));
    g.writeObjectFieldStart("help");
    g.writeStringField("text", doc.meaning() + "\n\nFix: " + doc.fix());
    g.writeStringField(
        "markdown",
        doc.meaning()
            + "\n\n**Fix:** "
            + doc.fix()
            + "\n\n[More about "
            + code.id()
            + "]("
            + CodeDocs.helpUri(code)
            + ")");
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeResult(JsonGenerator g, Entry entry, String uri, int ruleIndex)
      throws IOException {
    Finding f = entry.finding();
    Position p = f.position().orElse(Position.START);
    g.writeStartObject();
    g.writeStringField("ruleId", f.code().id());
    g.writeNumberField("ruleIndex", ruleIndex);
    g.writeStringField("level", level(f.severity()));
    g.writeObjectFieldStart("message");
    g.writeStringField("text", f.message() + f.hint().map(h -> "\nhint: " + h).orElse(""));
    g.writeEndObject();
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    g.writeStringField("uri", uri);
    g.writeEndObject();
    g.writeObjectFieldStart("region");
    g.writeNumberField("startLine", p.line());
    g.writeNumberField("startColumn", p.column());
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
    g.writeObjectFieldStart("properties");
    g.writeStringField("path", f.path().toString());
    if (entry.part().isPresent()) {
      g.writeStringField("part", entry.part().get());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  /** SARIF levels: error, warning, note. */
  static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /**
   * The file name as a URI reference (RFC 3986): relative names stay relative, absolute ones become
   * {@code file://} URIs, and characters a URI cannot hold are percent-encoded.
   */
  static String uri(String file) {
    StringBuilder out = new StringBuilder();
    if (file.startsWith("/")) {
      out.append("file://");
    } else {
      int slash = file.indexOf('/');
      String first = slash < 0 ? file : file.substring(0, slash);
      if (first.indexOf(':') >= 0) {
        out.append("./"); // else "a:b/c" would read as the scheme "a"
      }
    }
    for (byte b : file.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isUriChar(c)) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** Unreserved, sub-delims, ':', '@' and '/' (RFC 3986 pchar plus the separator). */
  private static boolean isUriChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
  }
}
