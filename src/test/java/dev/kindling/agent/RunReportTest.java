package dev.kindling.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kindling.apply.ApplyResult;
import dev.kindling.apply.StepOutcome;
import dev.kindling.apply.StepStatus;
import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.metadata.Metadata;
import dev.kindling.plan.Action;
import dev.kindling.plan.CreateUser;
import dev.kindling.plan.PlaceDropIn;
import dev.kindling.plan.PlanOptions;
import dev.kindling.plan.RunScript;
import dev.kindling.plan.WriteFile;
import dev.kindling.value.Bytes;
import dev.kindling.value.Redaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RunReportTest {
  static final String HASH = "$6$reportsalt$UmVwb3J0SGFzaA";
  static final String SECRET = "s3cr3t-file-body";

  private static ApplyResult.Step step(Object action, StepStatus status, String error) {
    return new ApplyResult.Step(
        (Action) action,
        new StepOutcome(
            status,
            Optional.ofNullable(error),
            List.of("note"),
            status == StepStatus.FAILED ? OptionalInt.of(2) : OptionalInt.empty()),
        Duration.ofMillis(7));
  }

  @Test
  void report_actionsWithSecrets_onlyDescriptionsStatusesAndErrors() throws IOException {
    String userData =
        "#cloud-config\nusers:\n  - name: deploy\n    passwd: \""
            + HASH
            + "\"\n    bogus: 1\nwrite_files:\n  - path: /etc/s\n    content: "
            + SECRET
            + "\n";
    Pipeline.Prepared prepared =
        Pipeline.prepare(
            "local-file",
            userData.getBytes(StandardCharsets.UTF_8),
            Metadata.empty(),
            Map.of(),
            PlanOptions.defaults("local-file"));
    Instant start = Instant.now();
    RunReport report = new RunReport("run", start, "/tmp/r", "none");
    report.prepared(prepared);
    report.applied(
        new ApplyResult(
            List.of(
                step(
                    new CreateUser(
                        "deploy", HASH, "", "", false, "", List.of(), false, false, false, ""),
                    StepStatus.RECORDED,
                    null),
                step(
                    new WriteFile("/etc/s", 0600, "", Bytes.utf8(SECRET), false),
                    StepStatus.OK,
                    null),
                step(
                    new PlaceDropIn("a.service", "x.conf", "/etc/x.conf", "Environment=" + SECRET),
                    StepStatus.UNCHANGED,
                    null),
                step(
                    new RunScript("/var/lib/s/1", "u-1.service", Bytes.utf8("echo " + SECRET)),
                    StepStatus.FAILED,
                    "script u-1.service exited with status 2"))));
    report.finish(start, Instant.now(), 1);

    String json = new String(report.toJson(), StandardCharsets.UTF_8);

    assertThat(json).doesNotContain(HASH).doesNotContain(SECRET).doesNotContain("reportsalt");
    JsonNode root = new ObjectMapper().readTree(json);
    // The streaming writer's layout is every Kindling JSON output's layout, byte for byte.
    assertThat(json)
        .isEqualTo(
            new ObjectMapper()
                    .writer(dev.kindling.validate.JsonStyle.printer())
                    .writeValueAsString(root)
                + "\n");
    // a field set again (the datasource, null until the run knows it) keeps its first place
    assertThat(root.fieldNames())
        .toIterable()
        .startsWith("version", "command", "startTime", "root", "systemd", "datasource", "userData");
    assertThat(root.get("datasource").asText()).isEqualTo("local-file");
    assertThat(root.get("version").asInt()).isEqualTo(1);
    assertThat(root.get("exitStatus").asInt()).isEqualTo(1);
    assertThat(root.get("userData").get("type").asText()).isEqualTo("cloud-config");
    JsonNode actions = root.get("actions");
    assertThat(actions).hasSize(4);
    assertThat(actions.get(0).get("type").asText()).isEqualTo("create-user");
    assertThat(actions.get(0).get("description").asText())
        .isEqualTo("create user deploy (password set)");
    assertThat(actions.get(0).get("status").asText()).isEqualTo("recorded");
    assertThat(actions.get(1).get("description").asText())
        .isEqualTo("write /etc/s (0600, 16 bytes)");
    assertThat(actions.get(3).get("error").asText())
        .isEqualTo("script u-1.service exited with status 2");
    assertThat(actions.get(3).get("exitStatus").asInt()).isEqualTo(2);
    assertThat(actions.get(1).get("durationMs").asLong()).isEqualTo(7);
    assertThat(root.get("summary").get("failed").asInt()).isEqualTo(1);
    assertThat(root.get("validation").get("findings").findValuesAsText("code"))
        .contains("unknown-key");
  }

  @Test
  void redaction_findingOnASecretField_quotedValuesRemoved() {
    Finding f =
        Finding.error(
            Code.INVALID_VALUE,
            ConfigPath.of("users", 0, "passwd"),
            "invalid value \"" + HASH + "\"");
    Finding other =
        Finding.error(
            Code.INVALID_VALUE,
            ConfigPath.of("coreos", "update", "reboot_strategy"),
            "invalid value \"wizzle\"");

    assertThat(Redaction.message(f.message(), f.path().segments()))
        .isEqualTo("invalid value \"<redacted>\"");
    assertThat(Redaction.message(other.message(), other.path().segments()))
        .isEqualTo("invalid value \"wizzle\"");
  }
}
