package dev.kindling.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import dev.kindling.config.Finding;
import dev.kindling.config.yaml.Position;
import dev.kindling.value.Redaction;
import dev.kindling.value.Sha256;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes the plan as {@code render --format json} (docs/cli.md): {@code {"actions": [...]}}, one
 * action object per line with its {@code type} first. Contents, passwords and keys never appear:
 * files, units, drop-ins and scripts are described by size and SHA-256, key lists by their count.
 */
final class PlanJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private PlanJson() {}

  static String write(Plan plan) {
    return actions(plan).append("}\n").toString();
  }

  /**
   * The plan with what render knows beside it: {@code datasource}, {@code exitStatus} and {@code
   * findings} (the user data's validation findings, in the form of {@code validate --format json}
   * entries), one finding per line.
   */
  static String write(Plan plan, String datasource, List<Finding> findings, int exitStatus) {
    StringBuilder out = actions(plan);
    out.append(",\n\"datasource\": ").append(quoted(datasource));
    out.append(",\n\"exitStatus\": ").append(exitStatus);
    out.append(",\n\"findings\": [");
    for (int i = 0; i < findings.size(); i++) {
      out.append(i == 0 ? "\n" : ",\n").append("  ").append(finding(findings.get(i)));
    }
    out.append(findings.isEmpty() ? "]" : "\n]");
    return out.append("}\n").toString();
  }

  private static StringBuilder actions(Plan plan) {
    if (plan.actions().isEmpty()) {
      return new StringBuilder("{\"actions\": []");
    }
    StringBuilder out = new StringBuilder("{\"actions\": [\n");
    List<Action> actions = plan.actions();
    for (int i = 0; i < actions.size(); i++) {
      out.append("  ").append(object(actions.get(i)));
      out.append(i + 1 < actions.size() ? ",\n" : "\n");
    }
    return out.append("]");
  }

  private static String quoted(String text) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeString(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A finding as validate's JSON entry: severity, line, column, path, code, message, hint. */
  private static String finding(Finding f) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(text)) {
      g.setPrettyPrinter(new InlinePrinter());
      Position p = f.position().orElse(Position.START);
      g.writeStartObject();
      g.writeStringField("severity", f.severity().label());
      g.writeNumberField("line", p.line());
      g.writeNumberField("column", p.column());
      g.writeStringField("path", f.path().toString());
      g.writeStringField("code", f.code().id());
      g.writeStringField("message", Redaction.message(f.message(), f.path().segments()));
      if (f.hint().isPresent()) {
        g.writeStringField("hint", Redaction.message(f.hint().get(), f.path().segments()));
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static String object(Action action) {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(text)) {
      g.setPrettyPrinter(new InlinePrinter());
      g.writeStartObject();
      g.writeStringField("type", action.type());
      fields(action, g);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("failed to write plan json: " + e.getMessage(), e);
    }
    return text.toString();
  }

  private static void fields(Action a, JsonGenerator g) throws IOException {
    if (a instanceof SetHostname h) {
      g.writeStringField("hostname", h.hostname());
    } else if (a instanceof AuthorizeSshKeys k) {
      g.writeStringField("user", k.user());
      g.writeStringField("name", k.name());
      g.writeNumberField("count", k.keys().size());
    } else if (a instanceof ImportSshKeys k) {
      g.writeStringField("user", k.user());
      g.writeStringField("name", k.name());
      g.writeStringField("url", Redaction.url(k.url()));
    } else if (a instanceof CreateUser u) {
      g.writeStringField("user", u.name());
      g.writeFieldName("groups");
      strings(g, u.groups());
      g.writeBooleanField("system", u.system());
      g.writeBooleanField("passwordSet", !u.passwordHash().isEmpty());
    } else if (a instanceof WriteFile f) {
      g.writeStringField("path", f.path());
      g.writeStringField("mode", String.format("%04o", f.mode()));
      g.writeFieldName("owner");
      if (f.owner().isEmpty()) {
        g.writeNull();
      } else {
        g.writeString(f.owner());
      }
      content(g, f.content().toByteArray());
      g.writeBooleanField("append", f.append());
    } else if (a instanceof MergeEnvironmentFile m) {
      g.writeStringField("path", m.path());
      g.writeFieldName("keys");
      strings(g, List.copyOf(m.variables().keySet()));
    } else if (a instanceof MergeUpdateConf m) {
      g.writeStringField("path", m.path());
      g.writeStringField("base", m.basePath());
      g.writeObjectFieldStart("variables");
      for (Map.Entry<String, String> e : m.variables().entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    } else if (a instanceof WriteEtcHosts h) {
      g.writeStringField("path", h.path());
      g.writeFieldName("hostname");
      if (h.hostname().isEmpty()) {
        g.writeNull();
      } else {
        g.writeString(h.hostname());
      }
    } else {
      unitFields(a, g);
    }
  }

  private static void unitFields(Action a, JsonGenerator g) throws IOException {
    if (a instanceof PlaceUnit p) {
      g.writeStringField("unit", p.unit());
      g.writeStringField("path", p.path());
      content(g, p.content().getBytes(StandardCharsets.UTF_8));
    } else if (a instanceof PlaceDropIn p) {
      g.writeStringField("unit", p.unit());
      g.writeStringField("path", p.path());
      content(g, p.content().getBytes(StandardCharsets.UTF_8));
    } else if (a instanceof MaskUnit m) {
      g.writeStringField("unit", m.unit());
      g.writeStringField("path", m.path());
    } else if (a instanceof UnmaskUnit m) {
      g.writeStringField("unit", m.unit());
      g.writeStringField("path", m.path());
    } else if (a instanceof EnableUnit e) {
      g.writeStringField("unit", e.unit());
      g.writeBooleanField("runtime", e.runtime());
    } else if (a instanceof LoadKernelModule m) {
      g.writeStringField("module", m.module());
      g.writeFieldName("parameters");
      strings(g, m.parameters());
    } else if (a instanceof UnitCommand c) {
      g.writeStringField("command", c.command());
      g.writeStringField("unit", c.unit());
    } else if (a instanceof RunScript s) {
      g.writeStringField("path", s.path());
      g.writeStringField("unit", s.unitName());
      content(g, s.script().toByteArray());
    } else if (a instanceof RunCommand c) {
      g.writeNumberField("index", c.index());
      g.writeStringField("unit", c.unitName());
      g.writeBooleanField("oncePerInstance", c.oncePerInstance());
      content(g, c.line().getBytes(StandardCharsets.UTF_8));
    } else if (a instanceof RejectedItem r) {
      g.writeStringField("subject", r.subject());
      g.writeStringField("reason", r.reason());
    } else if (!(a instanceof DaemonReload)) {
      throw new IllegalStateException("unhandled action: " + a.type());
    }
  }

  private static void content(JsonGenerator g, byte[] data) throws IOException {
    g.writeNumberField("bytes", data.length);
    g.writeStringField("sha256", Sha256.hex(data));
  }

  private static void strings(JsonGenerator g, List<String> values) throws IOException {
    g.writeStartArray();
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /** {@code {"a": 1, "b": [2, 3]}} on one line, as docs/cli.md shows. */
  private static final class InlinePrinter extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }
  }
}
