package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Colour beyond validate: status' state words and the level of log lines on standard error. */
class ColorOutputTest {
  private static ObjectNode failedRun() {
    ObjectNode s = JsonNodeFactory.instance.objectNode();
    s.put("status", "error");
    s.put("lastRun", "2026-12-07T12:00:00Z");
    s.put("durationMs", 12);
    s.put("datasource", "local-file");
    s.put("exitStatus", 1);
    s.put("error", "1 action failed");
    s.putObject("summary");
    s.putArray("changed").add("set hostname to h");
    ObjectNode f = s.putArray("failed").addObject();
    f.put("description", "start x.service");
    f.put("status", "failed");
    f.put("error", "no such unit");
    return s;
  }

  @Test
  void status_colorAlways_stateAndOutcomesColoured_exactBytes() {
    assertThat(StatusCommand.text(failedRun(), true))
        .isEqualTo(
            "status: \033[1;31merror\033[0m\n"
                + "last run: 2026-12-07T12:00:00Z (12 ms, exit status 1)\n"
                + "datasource: local-file\n"
                + "\033[1;31merror:\033[0m 1 action failed\n"
                + "\033[32mchanged:\033[0m set hostname to h\n"
                + "\033[1;31mfailed:\033[0m start x.service: no such unit\n");
  }

  @Test
  void status_colorNever_plainText() {
    assertThat(StatusCommand.text(failedRun(), false))
        .isEqualTo(
            "status: error\n"
                + "last run: 2026-12-07T12:00:00Z (12 ms, exit status 1)\n"
                + "datasource: local-file\n"
                + "error: 1 action failed\n"
                + "changed: set hostname to h\n"
                + "failed: start x.service: no such unit\n");
  }

  @Test
  void status_doneGreen_notRunYellow() {
    ObjectNode done = failedRun().put("status", "done");
    ObjectNode notRun = JsonNodeFactory.instance.objectNode().put("status", "not-run");
    assertThat(StatusCommand.text(done, true)).startsWith("status: \033[32mdone\033[0m\n");
    assertThat(StatusCommand.text(notRun, true)).startsWith("status: \033[1;33mnot-run\033[0m\n");
  }

  @Test
  void logLines_levelColoured_otherLinesUntouched() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (LevelColoring err = new LevelColoring(bytes, StandardCharsets.UTF_8)) {
      err.println("ERROR no datasource");
      err.println("WARN line 3:1: warning: x");
      err.println("INFO fetching");
      err.println("kindling render: WARN is a word");
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "\033[1;31mERROR\033[0m no datasource\n"
                + "\033[1;33mWARN\033[0m line 3:1: warning: x\n"
                + "INFO fetching\n"
                + "kindling render: WARN is a word\n");
  }
}
