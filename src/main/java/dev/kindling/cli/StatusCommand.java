package dev.kindling.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.agent.ExitStatus;
import dev.kindling.agent.InstanceState;
import dev.kindling.value.Ansi;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kindling status}: the last run as {@code run} stored it: when, from which datasource, for
 * which instance, what changed and what failed. Exit status 1 when that run failed.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    modelTransformer = LoggingOptions.Transformer.class,
    description = "Show the last run: when, datasource, what changed, what failed.")
public final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--root", paramLabel = "DIR", description = "The root run wrote to (default /).")
  Path root = Path.of("/");

  @Option(
      names = "--format",
      paramLabel = "text|json",
      description = "Output format (default: ${DEFAULT-VALUE}).")
  String format = "text";

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!format.equals("text") && !format.equals("json")) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for option '--format': '" + format + "'");
    }
    Optional<JsonNode> report;
    try {
      report = InstanceState.lastRun(root);
    } catch (IOException e) {
      err.println(
          "kindling status: cannot read the last run under " + root + ": " + e.getMessage());
      return ExitStatus.FAILED;
    }
    ObjectNode status = summary(report);
    if (format.equals("json")) {
      out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(status));
    } else {
      out.print(text(status, LoggingOptions.colorOn(spec)));
    }
    out.flush();
    return status.path("status").asText().equals("error") ? ExitStatus.FAILED : ExitStatus.OK;
  }

  /** The status document: {@code not-run}, {@code done} or {@code error}, and the details. */
  static ObjectNode summary(Optional<JsonNode> report) {
    ObjectNode s = JsonNodeFactory.instance.objectNode();
    if (report.isEmpty()) {
      s.put("status", "not-run");
      return s;
    }
    JsonNode r = report.get();
    int exit = r.path("exitStatus").asInt(1);
    s.put("status", exit == 0 ? "done" : "error");
    s.put("lastRun", r.path("startTime").asText(null));
    s.put("durationMs", r.path("durationMs").asLong());
    s.set("datasource", r.path("datasource"));
    s.put("instance", r.path("instance").asText(null));
    s.put("exitStatus", exit);
    if (r.hasNonNull("error")) {
      s.put("error", r.get("error").asText());
    }
    s.set("summary", r.path("summary").deepCopy());
    ArrayNode changed = s.putArray("changed");
    ArrayNode failed = s.putArray("failed");
    for (JsonNode a : r.path("actions")) {
      String st = a.path("status").asText();
      if (st.equals("ok")) {
        changed.add(a.path("description").asText());
      } else if (st.equals("failed") || st.equals("rejected")) {
        ObjectNode f = failed.addObject();
        f.put("description", a.path("description").asText());
        f.put("status", st);
        f.put("error", a.path("error").asText(null));
      }
    }
    return s;
  }

  static String text(ObjectNode s) {
    return text(s, false);
  }

  /**
   * The status as text; {@code color}: the state word in green (done), red (error) or yellow
   * (not-run), what changed in green, what failed in red.
   */
  static String text(ObjectNode s, boolean color) {
    StringBuilder out = new StringBuilder();
    String state = s.path("status").asText();
    Ansi stateColor =
        switch (state) {
          case "done" -> Ansi.GREEN;
          case "error" -> Ansi.RED;
          default -> Ansi.YELLOW;
        };
    out.append("status: ").append(stateColor.paint(state, color)).append('\n');
    if (s.path("status").asText().equals("not-run")) {
      return out.append("no run recorded (kindling run keeps its status in ")
          .append(InstanceState.LAST_RUN)
          .append(")\n")
          .toString();
    }
    out.append("last run: ")
        .append(s.path("lastRun").asText())
        .append(" (")
        .append(s.path("durationMs").asLong())
        .append(" ms, exit status ")
        .append(s.path("exitStatus").asInt())
        .append(")\n");
    out.append("datasource: ").append(s.path("datasource").asText("none")).append('\n');
    if (s.hasNonNull("instance")) {
      out.append("instance: ").append(s.get("instance").asText()).append('\n');
    }
    if (s.hasNonNull("error")) {
      out.append(Ansi.RED.paint("error:", color))
          .append(' ')
          .append(s.get("error").asText())
          .append('\n');
    }
    JsonNode summary = s.path("summary");
    if (!summary.isMissingNode() && summary.size() > 0) {
      StringBuilder counts = new StringBuilder();
      summary
          .properties()
          .forEach(
              e -> {
                if (counts.length() > 0) {
                  counts.append(", ");
                }
                counts.append(e.getValue().asInt()).append(' ').append(e.getKey());
              });
      out.append("actions: ").append(counts).append('\n');
    }
    for (JsonNode c : s.path("changed")) {
      out.append(Ansi.GREEN.paint("changed:", color)).append(' ').append(c.asText()).append('\n');
    }
    for (JsonNode f : s.path("failed")) {
      out.append(Ansi.RED.paint(f.path("status").asText() + ":", color))
          .append(' ')
          .append(f.path("description").asText());
      if (f.hasNonNull("error")) {
        out.append(": ").append(f.get("error").asText());
      }
      out.append('\n');
    }
    return out.toString();
  }
}
