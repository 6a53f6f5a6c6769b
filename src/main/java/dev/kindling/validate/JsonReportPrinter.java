package dev.kindling.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kindling.config.Finding;
import dev.kindling.config.yaml.Position;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints reports as the {@code validate --format json} document (docs/cli.md): {@code files[]} with
 * {@code file}, {@code type} and {@code entries[]}, then {@code summary}. Written with Jackson's
 * streaming generator only.
 */
public final class JsonReportPrinter implements ReportPrinter {
  private final Writer out;
  private final Summary.Counter counter = new Summary.Counter();
  private final List<String[]> unreadable = new ArrayList<>();
  private JsonGenerator g;

  /** A printer writing to {@code out}. */
  public JsonReportPrinter(Writer out) {
    this.out = out;
  }

  /** Opens the document and its {@code files} array. */
  @Override
  public void begin() throws IOException {
    g = Generators.pretty(out);
    g.writeStartObject();
    g.writeArrayFieldStart("files");
  }

  /** Writes one element of {@code files} and flushes it. */
  @Override
  public void file(FileReport report) throws IOException {
    counter.add(report);
    g.writeStartObject();
    g.writeStringField("file", report.file());
    g.writeStringField("type", report.type().label());
    g.writeArrayFieldStart("entries");
    for (Entry entry : report.entries()) {
      writeEntry(g, entry);
    }
    g.writeEndArray();
    g.writeEndObject();
    g.flush();
  }

  @Override
  public void unreadable(String path, String reason) {
    unreadable.add(new String[] {path, reason});
  }

  /**
   * Closes {@code files}, writes {@code unreadable} (when some path could not be read) and {@code
   * summary}, and ends the document with a newline.
   */
  @Override
  public void end() throws IOException {
    g.writeEndArray();
    if (!unreadable.isEmpty()) {
      g.writeArrayFieldStart("unreadable");
      for (String[] u : unreadable) {
        g.writeStartObject();
        g.writeStringField("file", u[0]);
        g.writeStringField("reason", u[1]);
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    Summary summary = counter.summary();
    g.writeObjectFieldStart("summary");
    g.writeNumberField("files", summary.files());
    g.writeNumberField("errors", summary.errors());
    g.writeNumberField("warnings", summary.warnings());
    g.writeNumberField("infos", summary.infos());
    g.writeEndObject();
    g.writeEndObject();
    g.close();
    out.write("\n");
    out.flush();
  }

  private static void writeEntry(JsonGenerator g, Entry entry) throws IOException {
    Finding f = entry.finding();
    Position p = f.position().orElse(Position.START);
    g.writeStartObject();
    g.writeStringField("severity", f.severity().label());
    g.writeNumberField("line", p.line());
    g.writeNumberField("column", p.column());
    g.writeStringField("path", f.path().toString());
    g.writeStringField("code", f.code().id());
    g.writeStringField("message", f.message());
    if (f.hint().isPresent()) {
      g.writeStringField("hint", f.hint().get());
    }
    if (entry.part().isPresent()) {
      g.writeStringField("part", entry.part().get());
    }
    g.writeEndObject();
  }

  /** Generators for the JSON and SARIF printers; the factory is built on first use. */
  static final class Generators {
    private static final JsonFactory FACTORY = new JsonFactory();

    private Generators() {}

    /**
     * A generator that leaves {@code out} open and indents by two spaces, one value per line, with
     * {@code "key": value} (the layout of {@code jq}).
     */
    static JsonGenerator pretty(Writer out) throws IOException {
      JsonGenerator g = FACTORY.createGenerator(out);
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(JsonStyle.printer());
      return g;
    }
  }
}
