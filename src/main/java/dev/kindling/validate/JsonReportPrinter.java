package dev.kindling.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.kindling.config.Finding;
import dev.kindling.config.yaml.Position;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Prints reports as the {@code validate --format json} document (docs/cli.md): {@code files[]} with
 * {@code file}, {@code type} and {@code entries[]}, then {@code summary}. Written with Jackson's
 * streaming generator only.
 */
public final class JsonReportPrinter {
  private final Writer out;

  /** A printer writing to {@code out}. */
  public JsonReportPrinter(Writer out) {
    this.out = out;
  }

  /** Prints the document for these reports, followed by a newline. */
  public void print(List<FileReport> reports) throws IOException {
    try (JsonGenerator g = Generators.pretty(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("files");
      for (FileReport report : reports) {
        g.writeStartObject();
        g.writeStringField("file", report.file());
        g.writeStringField("type", report.type().label());
        g.writeArrayFieldStart("entries");
        for (Entry entry : report.entries()) {
          writeEntry(g, entry);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      Summary summary = Summary.of(reports);
      g.writeObjectFieldStart("summary");
      g.writeNumberField("files", summary.files());
      g.writeNumberField("errors", summary.errors());
      g.writeNumberField("warnings", summary.warnings());
      g.writeNumberField("infos", summary.infos());
      g.writeEndObject();
      g.writeEndObject();
    }
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
      DefaultPrettyPrinter printer =
          new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                  .withObjectEmptySeparator("")
                  .withArrayEmptySeparator(""));
      DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
      printer.indentArraysWith(indenter);
      printer.indentObjectsWith(indenter);
      g.setPrettyPrinter(printer);
      return g;
    }
  }
}
