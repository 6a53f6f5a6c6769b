package dev.kindling.agent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kindling.apply.ApplyResult;
import dev.kindling.apply.StepStatus;
import dev.kindling.config.Severity;
import dev.kindling.metadata.Templater;
import dev.kindling.validate.Entry;
import dev.kindling.validate.JsonStyle;
import dev.kindling.value.IsoInstant;
import dev.kindling.value.Redaction;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  /**
   * The report as it is built: objects are insertion-ordered maps (a field set again keeps its
   * place), arrays are lists, the leaves strings, numbers, booleans and null. Not
   * jackson-databind's tree: its node classes (and their factory) are the first of databind's
   * classes a run would load.
   */
  private final Map<String, Object> root = new LinkedHashMap<>();

  RunReport(String command, Instant start, String root, String systemd) {
    this.root.put("version", VERSION);
    this.root.put("command", command);
    this.root.put("startTime", IsoInstant.format(start));
    this.root.put("root", root);
    this.root.put("systemd", systemd);
    this.root.put("datasource", null);
  }

  void prepared(Pipeline.Prepared p) {
    root.put("datasource", p.datasource());
    Map<String, Object> userData = object(root, "userData");
    userData.put("type", p.userData().kind().label());
    userData.put("gzip", p.userData().gzipped());
    userData.put("bytes", p.userData().bytes().length);
    userData.put("parts", p.userData().parts().size());
    List<Object> problems = array(userData, "problems");
    p.inputProblems().forEach(problems::add);
    Map<String, Object> validation = object(root, "validation");
    validation.put("errors", p.validation().count(Severity.ERROR));
    validation.put("warnings", p.validation().count(Severity.WARNING));
    validation.put("infos", p.validation().count(Severity.INFO));
    List<Object> findings = array(validation, "findings");
    for (Entry e : p.validation().entries()) {
      Map<String, Object> f = element(findings);
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
    List<Object> unresolved = array(root, "unresolvedVariables");
    for (Templater.Unresolved u : p.unresolved()) {
      Map<String, Object> v = element(unresolved);
      v.put("variable", u.variable());
      v.put("line", u.line());
      v.put("column", u.column());
    }
  }

  void applied(ApplyResult result) {
    List<Object> actions = array(root, "actions");
    for (ApplyResult.Step s : result.steps()) {
      Map<String, Object> a = element(actions);
      a.put("type", s.action().type());
      a.put("description", s.action().describe());
      a.put("status", s.outcome().status().label());
      a.put("durationMs", s.duration().toMillis());
      a.put("error", s.outcome().error().orElse(null));
      if (!s.outcome().notes().isEmpty()) {
        List<Object> notes = array(a, "notes");
        s.outcome().notes().forEach(notes::add);
      }
      if (s.outcome().exitStatus().isPresent()) {
        a.put("exitStatus", s.outcome().exitStatus().getAsInt());
      }
    }
    Map<String, Object> summary = object(root, "summary");
    for (StepStatus status : StepStatus.values()) {
      summary.put(status.label(), result.count(status));
    }
  }

  void systemdCalls(List<String> calls) {
    List<Object> array = array(root, "systemdCalls");
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
      List<Object> array = array(root, "datasourceFailures");
      failures.forEach(array::add);
    }
  }

  /** The metadata values that failed their check and were dropped (what and why). */
  void metadataDropped(List<String> dropped) {
    if (!dropped.isEmpty()) {
      List<Object> array = array(root, "metadataDropped");
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
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.setPrettyPrinter(JsonStyle.printer());
      write(g, root);
    }
    return (out + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** A new object as the field {@code name} of {@code parent} (replacing one set before). */
  private static Map<String, Object> object(Map<String, Object> parent, String name) {
    Map<String, Object> object = new LinkedHashMap<>();
    parent.put(name, object);
    return object;
  }

  /** A new array as the field {@code name} of {@code parent} (replacing one set before). */
  private static List<Object> array(Map<String, Object> parent, String name) {
    List<Object> array = new ArrayList<>();
    parent.put(name, array);
    return array;
  }

  /** A new object appended to {@code array}. */
  private static Map<String, Object> element(List<Object> array) {
    Map<String, Object> object = new LinkedHashMap<>();
    array.add(object);
    return object;
  }

  private static void write(JsonGenerator g, Object value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else if (value instanceof String s) {
      g.writeString(s);
    } else if (value instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (value instanceof Integer || value instanceof Long) {
      g.writeNumber(((Number) value).longValue());
    } else if (value instanceof Map<?, ?> object) {
      g.writeStartObject();
      for (Map.Entry<?, ?> field : object.entrySet()) {
        g.writeFieldName((String) field.getKey());
        write(g, field.getValue());
      }
      g.writeEndObject();
    } else if (value instanceof List<?> array) {
      g.writeStartArray();
      for (Object element : array) {
        write(g, element);
      }
      g.writeEndArray();
    } else {
      throw new IllegalStateException("unexpected report value " + value.getClass());
    }
  }
}
