package dev.kindling.nspawn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opentest4j.TestAbortedException;

/**
 * {@code kindling run --from-file CONFIG --systemd dbus} from the shaded jar inside a container
 * booted with systemd-nspawn (real systemd and D-Bus as PID 1): daemon-reload, start, stop and
 * restart with the JobRemoved wait, enable, mask, hostname, a script as a transient unit, and a
 * second run that restarts nothing it was not asked to — each checked with systemctl and files in
 * the container. Skipped (with the reason printed) where nspawn cannot run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunCommandNspawnIT {
  private static final String JAR = "/opt/kindling/kindling.jar";
  private static final String INPUT = "/opt/kindling-it/";
  private static final String UNITS = "/etc/systemd/system/";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Units that exist and run before Kindling does, as on a booted machine. */
  private static final String PRE_EXISTING = "[Service]\nExecStart=/bin/sleep infinity\n";

  private static final String CONFIG =
      """
      #cloud-config
      hostname: kt-run-host
      write_files:
        - path: /etc/kt-run/marker
          permissions: "0640"
          content: |
            written by kindling
      coreos:
        units:
          - name: kt-run-web.service
            command: start
            enable: true
            content: |
              [Unit]
              Description=started by kindling
              [Service]
              ExecStart=/bin/sleep infinity
              ExecStartPost=/bin/sleep 1
              [Install]
              WantedBy=multi-user.target
          - name: kt-run-changed.service
            content: |
              [Unit]
              Description=new definition
              [Service]
              Type=oneshot
              RemainAfterExit=yes
              ExecStart=/bin/true
          - name: kt-run-stop.service
            command: stop
          - name: kt-run-restart.service
            command: restart
          - name: kt-run-masked.service
            mask: true
      """;

  private static final String SCRIPT =
      """
      #!/bin/sh
      echo "kindling script output for the journal"
      echo ran > /run/kt-run-script-ran
      exit "$(cat /opt/kindling-it/script-status)"
      """;

  private static NspawnContainer container;
  private static long started;
  private static String skipReason;
  private static String restartPidBefore;

  @BeforeAll
  static void bootAndPrepare() throws IOException, InterruptedException {
    started = System.nanoTime();
    try {
      container = NspawnContainer.bootWithKindling(JAR, Map.of(), "run");
    } catch (TestAbortedException e) {
      skipReason = e.getMessage();
      return;
    }
    Files.createDirectories(container.path(INPUT));
    Files.writeString(container.path(INPUT + "config.yaml"), CONFIG);
    Files.writeString(container.path(INPUT + "script.sh"), SCRIPT);
    // The machine before Kindling: two running services the config stops and restarts, and a
    // loaded unit whose file the config replaces (only a daemon-reload makes systemd see it).
    for (String unit : List.of("kt-run-stop.service", "kt-run-restart.service")) {
      Files.writeString(container.path(UNITS + unit), PRE_EXISTING);
    }
    Files.writeString(
        container.path(UNITS + "kt-run-changed.service"),
        "[Unit]\nDescription=old definition\n[Service]\nType=oneshot\nRemainAfterExit=yes\n"
            + "ExecStart=/bin/true\n");
    for (String unit :
        List.of("kt-run-stop.service", "kt-run-restart.service", "kt-run-changed.service")) {
      Exec.Result start = container.exec("systemctl", "start", unit);
      assertThat(start.exitCode()).as(start.describe()).isZero();
    }
    restartPidBefore = container.unitProperty("kt-run-restart.service", "MainPID");
  }

  @BeforeEach
  void skipWhereNspawnCannotRun() {
    Assumptions.assumeTrue(skipReason == null, () -> skipReason);
  }

  @AfterAll
  static void powerOff() {
    if (container != null) {
      container.close();
    }
    System.out.printf(
        "nspawn: RunCommandNspawnIT took %.1f s%n", (System.nanoTime() - started) / 1e9);
  }

  @Test
  @Order(1)
  void run_cloudConfig_appliedThroughSystemdOverDbus() throws Exception {
    Exec.Result run = runWithDbus("config.yaml", "/run/kt-run-report.json");
    assertThat(run.exitCode()).as(run.describe()).isZero();

    JsonNode report = report("/run/kt-run-report.json");
    assertThat(report.path("systemd").asText()).isEqualTo("dbus");
    assertThat(statuses(report)).as(report.toPrettyString()).doesNotContain("failed");

    // hostname through org.freedesktop.hostname1
    assertThat(container.exec("hostname").out()).isEqualTo("kt-run-host");
    assertThat(Files.readString(container.path("/etc/hostname")).strip()).isEqualTo("kt-run-host");
    // write_files
    Path marker = container.path("/etc/kt-run/marker");
    assertThat(Files.readString(marker)).isEqualTo("written by kindling\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(marker)))
        .isEqualTo("rw-r-----");
    // daemon-reload: the replaced definition of a loaded unit is live
    assertThat(container.unitProperty("kt-run-changed.service", "Description"))
        .isEqualTo("new definition");
    assertThat(container.unitProperty("kt-run-changed.service", "NeedDaemonReload"))
        .isEqualTo("no");
    // start waited for its job (ExecStartPost takes a second): active, not activating
    assertThat(container.systemctl("is-active", "kt-run-web.service")).isEqualTo("active");
    // enable
    assertThat(container.systemctl("is-enabled", "kt-run-web.service")).isEqualTo("enabled");
    assertThat(
            Files.readSymbolicLink(
                container.path(UNITS + "multi-user.target.wants/kt-run-web.service")))
        .isEqualTo(Path.of(UNITS + "kt-run-web.service"));
    // stop and restart
    assertThat(container.systemctl("is-active", "kt-run-stop.service")).isEqualTo("inactive");
    assertThat(container.systemctl("is-active", "kt-run-restart.service")).isEqualTo("active");
    assertThat(container.unitProperty("kt-run-restart.service", "MainPID"))
        .isNotEqualTo(restartPidBefore);
    // mask: a /dev/null symlink that systemd refuses to start
    assertThat(container.systemctl("is-enabled", "kt-run-masked.service")).isEqualTo("masked");
    Exec.Result masked = container.exec("systemctl", "start", "kt-run-masked.service");
    assertThat(masked.exitCode()).isNotZero();
    assertThat(masked.stderr()).contains("masked");
  }

  @Test
  @Order(2)
  void run_sameConfigAgain_restartsOnlyWhatItAsksFor() throws Exception {
    String webPid = container.unitProperty("kt-run-web.service", "MainPID");
    String restartPid = container.unitProperty("kt-run-restart.service", "MainPID");

    Exec.Result run = runWithDbus("config.yaml", "/run/kt-run-report-2.json");
    assertThat(run.exitCode()).as(run.describe()).isZero();

    assertThat(container.unitProperty("kt-run-web.service", "MainPID"))
        .as("start of a running unit")
        .isEqualTo(webPid);
    assertThat(container.unitProperty("kt-run-restart.service", "MainPID"))
        .as("command: restart restarts on every run, as upstream")
        .isNotEqualTo(restartPid);
    assertThat(container.systemctl("is-active", "kt-run-stop.service")).isEqualTo("inactive");
  }

  @Test
  @Order(3)
  void run_scriptExitingZero_transientUnitSucceeds() throws Exception {
    Exec.Result run = runScript(0, "/run/kt-run-script-0.json");

    assertThat(run.exitCode()).as(run.describe()).isZero();
    JsonNode script = scriptAction(report("/run/kt-run-script-0.json"));
    assertThat(script.path("status").asText()).isEqualTo("ok");
    assertThat(script.path("exitStatus").asInt(-1)).isZero();
    assertThat(Files.readString(container.path("/run/kt-run-script-ran")).strip()).isEqualTo("ran");
    String unit = unitOf(script);
    assertThat(container.journal(unit, "kindling script output for the journal"))
        .contains("kindling script output for the journal");
    assertThat(container.unitProperty(unit, "LoadState"))
        .as("transient unit removed")
        .isEqualTo("not-found");
  }

  @Test
  @Order(4)
  void run_scriptExitingThree_failedStepWithItsStatus() throws Exception {
    Exec.Result run = runScript(3, "/run/kt-run-script-3.json");

    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    JsonNode script = scriptAction(report("/run/kt-run-script-3.json"));
    assertThat(script.path("status").asText()).isEqualTo("failed");
    assertThat(script.path("exitStatus").asInt(-1)).isEqualTo(3);
    assertThat(container.unitProperty(unitOf(script), "LoadState")).isEqualTo("not-found");
  }

  /** Runs {@code kindling run} on a file under INPUT with systemd over D-Bus and a report. */
  private static Exec.Result runWithDbus(String input, String report)
      throws IOException, InterruptedException {
    return kindling("run", "--from-file", INPUT + input, "--systemd", "dbus", "--report", report);
  }

  /** Runs the script input, which exits with {@code status}, as {@link #runWithDbus} does. */
  private static Exec.Result runScript(int status, String report)
      throws IOException, InterruptedException {
    Files.writeString(container.path(INPUT + "script-status"), status + "\n");
    return runWithDbus("script.sh", report);
  }

  private static Exec.Result kindling(String... args) throws IOException, InterruptedException {
    List<String> argv =
        new ArrayList<>(
            List.of("/usr/bin/java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR));
    argv.addAll(List.of(args));
    long start = System.nanoTime();
    Exec.Result result = container.exec(argv.toArray(String[]::new));
    System.out.printf(
        "nspawn: kindling %s -> exit %d in %.2f s%n",
        String.join(" ", args), result.exitCode(), (System.nanoTime() - start) / 1e9);
    return result;
  }

  private static JsonNode report(String inside) throws IOException {
    return JSON.readTree(Files.readString(container.path(inside)));
  }

  private static List<String> statuses(JsonNode report) {
    List<String> statuses = new ArrayList<>();
    report.path("actions").forEach(a -> statuses.add(a.path("status").asText()));
    return statuses;
  }

  private static JsonNode scriptAction(JsonNode report) {
    for (JsonNode action : report.path("actions")) {
      if (action.path("type").asText().equals("run-script")) {
        return action;
      }
    }
    throw new AssertionError("no run-script action in\n" + report.toPrettyString());
  }

  /** The transient unit's name from the action's description ("... as NAME.service"). */
  private static String unitOf(JsonNode scriptAction) {
    String description = scriptAction.path("description").asText();
    return description.substring(description.lastIndexOf(' ') + 1);
  }
}
