package dev.kindling.agent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.apply.ApplyResult;
import dev.kindling.apply.StepStatus;
import dev.kindling.config.Severity;
import dev.kindling.metadata.Templater;
import dev.kindling.trace.StartupTrace;
import dev.kindling.validate.Entry;
import dev.kindling.validate.JsonStyle;
import dev.kindling.value.Redaction;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON run report of {@code run} and {@code render --root}: datasource, timing, user-data type,
 * validation findings (codes, paths, positions and messages without values), every action with
 * status, duration and error, and the exit status. It never holds user data, file contents,
 * passwords or keys.
 */
final class RunReport {
  /** The report format's version; bumped only for incompatible changes. */
  static final int VERSION = 1;

  private final ObjectNode root = JsonNodeFactory.instance.objectNode();

  RunReport(String command, Instant start, String root, String systemd) {
    this.root.put("version", VERSION);
    this.root.put("command", command);
    this.root.put("startTime", start.toString());
    this.root.put("root", root);
    this.root.put("systemd", systemd);
    this.root.putNull("datasource");
  }

  void prepared(Pipeline.Prepared p) {
    root.put("datasource", p.datasource());
    ObjectNode userData = root.putObject("userData");
    userData.put("type", p.userData().kind().label());
    userData.put("gzip", p.userData().gzipped());
    userData.put("bytes", p.userData().bytes().length);
    userData.put("parts", p.userData().parts().size());
    ArrayNode problems = userData.putArray("problems");
    p.inputProblems().forEach(problems::add);
    ObjectNode validation = root.putObject("validation");
    validation.put("errors", p.validation().count(Severity.ERROR));
    validation.put("warnings", p.validation().count(Severity.WARNING));
    validation.put("infos", p.validation().count(Severity.INFO));
    ArrayNode findings = validation.putArray("findings");
    for (Entry e : p.validation().entries()) {
      ObjectNode f = findings.addObject();
      f.put("severity", e.finding().severity().label());
      f.put("code", e.finding().code().id());
      f.put("path", e.finding().path().toString());
      e.finding()
          .position()
          .ifPresent(
              pos -> {
                f.put("line", pos.line());
                f.put("column", pos.column());
              });
      e.part().ifPresent(part -> f.put("part", part));
      f.put("message", Redaction.message(e.finding().message(), e.finding().path().segments()));
    }
    ArrayNode unresolved = root.putArray("unresolvedVariables");
    for (Templater.Unresolved u : p.unresolved()) {
      ObjectNode v = unresolved.addObject();
      v.put("variable", u.variable());
      v.put("line", u.line());
      v.put("column", u.column());
    }
  }

  void applied(ApplyResult result) {
    ArrayNode actions = root.putArray("actions");
    for (ApplyResult.Step s : result.steps()) {
      ObjectNode a = actions.addObject();
      a.put("type", s.action().type());
      a.put("description", s.action().describe());
      a.put("status", s.outcome().status().label());
      a.put("durationMs", s.duration().toMillis());
      a.put("error", s.outcome().error().orElse(null));
      if (!s.outcome().notes().isEmpty()) {
        ArrayNode notes = a.putArray("notes");
        s.outcome().notes().forEach(notes::add);
      }
      if (s.outcome().exitStatus().isPresent()) {
        a.put("exitStatus", s.outcome().exitStatus().getAsInt());
      }
    }
    ObjectNode summary = root.putObject("summary");
    for (StepStatus status : StepStatus.values()) {
      summary.put(status.label(), result.count(status));
    }
  }

  void systemdCalls(List<String> calls) {
    ArrayNode array = root.putArray("systemdCalls");
    calls.forEach(array::add);
  }

  /** The instance id the run's once-per-instance actions are recorded for. */
  void instance(String id) {
    root.put("instance", id);
  }

  void datasource(String type) {
    root.put("datasource", type);
  }

  /** The metadata items that failed to arrive (everything else was applied). */
  void datasourceFailures(List<String> failures) {
    if (!failures.isEmpty()) {
      ArrayNode array = root.putArray("datasourceFailures");
      failures.forEach(array::add);
    }
  }

  /** The metadata values that failed their check and were dropped (what and why). */
  void metadataDropped(List<String> dropped) {
    if (!dropped.isEmpty()) {
      ArrayNode array = root.putArray("metadataDropped");
      dropped.forEach(array::add);
    }
  }

  void error(String message) {
    root.put("error", message);
  }

  void finish(Instant start, Instant end, int exitStatus) {
    root.put("durationMs", Duration.between(start, end).toMillis());
    root.put("exitStatus", exitStatus);
  }

  /**
   * The report as indented JSON (the layout of every Kindling JSON output) and a newline. Written
   * with the streaming generator: an ObjectMapper would load and set up most of jackson-databind
   * (about 400 classes, tens of milliseconds of every run) to write a tree of strings and numbers.
   */
  byte[] toJson() throws IOException {
    StartupTrace.mark("applied");
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.setPrettyPrinter(JsonStyle.printer());
      write(g, root);
    }
    StartupTrace.mark("report written as JSON");
    return (out + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static void write(JsonGenerator g, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          g.writeFieldName(field.getKey());
          write(g, field.getValue());
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (JsonNode element : node) {
          write(g, element);
        }
        g.writeEndArray();
      }
      case STRING -> g.writeString(node.textValue());
      case NUMBER -> g.writeNumber(node.longValue());
      case BOOLEAN -> g.writeBoolean(node.booleanValue());
      case NULL -> g.writeNull();
      default -> throw new IllegalStateException("unexpected JSON node " + node.getNodeType());
    }
  }
}
