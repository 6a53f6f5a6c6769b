package dev.kindling.apply.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.nspawn.NspawnContainer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * {@link DbusSystemdManager} from the shaded jar against a real systemd and D-Bus: the shared test
 * image booted with systemd-nspawn, a {@link DbusProbe} JVM inside it, every effect checked with
 * systemctl, hostnamectl and files in the container. Skipped (with the reason printed) where nspawn
 * cannot run: not root, no systemd-nspawn, no cached or buildable image.
 */
class SystemdNspawnIT {
  private static final String JAR = "/opt/kindling/kindling.jar";
  private static final String TEST_CLASSES = "/opt/kindling/test-classes";
  private static final String UNITS = "/etc/systemd/system/";

  private static NspawnContainer container;
  private static ProbeSession probe;
  private static long started;
  private static String skipReason;

  @BeforeEach
  void skipWhereNspawnCannotRun() {
    Assumptions.assumeTrue(skipReason == null, () -> skipReason);
  }

  @BeforeAll
  static void bootContainerAndProbe() throws IOException, InterruptedException, URISyntaxException {
    started = System.nanoTime();
    Path testClasses =
        Path.of(DbusProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try {
      container =
          NspawnContainer.bootWithKindling(JAR, Map.of(testClasses, TEST_CLASSES), "systemd");
    } catch (TestAbortedException e) {
      // Reported per test (below), so the report counts each one as skipped with the reason.
      skipReason = e.getMessage();
      return;
    }
    long probeStart = System.nanoTime();
    probe = ProbeSession.start(container, JAR + ":" + TEST_CLASSES);
    System.out.printf(
        "nspawn: probe connected in %.2f s%n", (System.nanoTime() - probeStart) / 1e9);
  }

  @AfterAll
  static void powerOff() throws InterruptedException {
    try {
      if (probe != null) {
        // close() of the manager ends the connection's threads, so the JVM exits at once.
        assertThat(probe.quit()).as("probe exit code; stderr:\n%s", probe.stderr()).isZero();
      }
    } finally {
      if (container != null) {
        container.close();
      }
      System.out.printf(
          "nspawn: SystemdNspawnIT took %.1f s%n", (System.nanoTime() - started) / 1e9);
    }
  }

  @Test
  void reload_changedUnitFile_newDefinitionLoaded() throws Exception {
    // An active unit stays loaded, so systemd keeps its old definition until a daemon-reload.
    String unit = "[Service]\nType=oneshot\nRemainAfterExit=yes\nExecStart=/bin/true\n";
    writeUnit("kt-reload.service", "[Unit]\nDescription=first\n" + unit);
    assertThat(container.exec("systemctl", "start", "kt-reload.service").exitCode()).isZero();
    writeUnit("kt-reload.service", "[Unit]\nDescription=second\n" + unit);
    assertThat(container.unitProperty("kt-reload.service", "NeedDaemonReload")).isEqualTo("yes");
    assertThat(container.unitProperty("kt-reload.service", "Description")).isEqualTo("first");

    assertThat(probe.ask("reload")).isEqualTo("ok");

    assertThat(container.unitProperty("kt-reload.service", "Description")).isEqualTo("second");
    assertThat(container.unitProperty("kt-reload.service", "NeedDaemonReload")).isEqualTo("no");
  }

  @Test
  void startRestartStop_waitForTheirJobs_stateFollows() throws Exception {
    // ExecStartPost keeps the start job running for a second: without the JobRemoved wait the
    // unit would still be "activating" when the call returns.
    writeUnit(
        "kt-svc.service", "[Service]\nExecStart=/bin/sleep infinity\nExecStartPost=/bin/sleep 1\n");
    assertThat(probe.ask("reload")).isEqualTo("ok");

    assertThat(probe.ask("unit", "start", "kt-svc.service", "30")).isEqualTo("ok done");
    assertThat(container.systemctl("is-active", "kt-svc.service")).isEqualTo("active");
    String firstPid = container.unitProperty("kt-svc.service", "MainPID");

    assertThat(probe.ask("unit", "restart", "kt-svc.service", "30")).isEqualTo("ok done");
    assertThat(container.systemctl("is-active", "kt-svc.service")).isEqualTo("active");
    assertThat(container.unitProperty("kt-svc.service", "MainPID"))
        .isNotEqualTo(firstPid)
        .isNotEqualTo("0");

    assertThat(probe.ask("unit", "stop", "kt-svc.service", "30")).isEqualTo("ok done");
    assertThat(container.systemctl("is-active", "kt-svc.service")).isEqualTo("inactive");
  }

  @Test
  void everyCommand_runsItsJob_returnsResult() throws Exception {
    writeUnit("kt-cmd.service", "[Service]\nExecStart=/bin/sleep infinity\nExecReload=/bin/true\n");
    assertThat(probe.ask("reload")).isEqualTo("ok");

    assertThat(probe.ask("unit", "try-restart", "kt-cmd.service", "30")).isEqualTo("ok done");
    assertThat(container.systemctl("is-active", "kt-cmd.service")).isEqualTo("inactive");
    assertThat(probe.ask("unit", "reload-or-restart", "kt-cmd.service", "30")).isEqualTo("ok done");
    assertThat(container.systemctl("is-active", "kt-cmd.service")).isEqualTo("active");
    String pid = container.unitProperty("kt-cmd.service", "MainPID");
    assertThat(probe.ask("unit", "reload", "kt-cmd.service", "30")).isEqualTo("ok done");
    assertThat(probe.ask("unit", "reload-or-try-restart", "kt-cmd.service", "30"))
        .isEqualTo("ok done");
    assertThat(container.unitProperty("kt-cmd.service", "MainPID"))
        .as("reloaded, not restarted")
        .isEqualTo(pid);
    assertThat(probe.ask("unit", "try-restart", "kt-cmd.service", "30")).isEqualTo("ok done");
    assertThat(container.unitProperty("kt-cmd.service", "MainPID")).isNotEqualTo(pid);
    assertThat(probe.ask("unit", "stop", "kt-cmd.service", "30")).isEqualTo("ok done");
  }

  @Test
  void start_failingUnit_resultFailed() throws Exception {
    writeUnit("kt-fail.service", "[Service]\nType=oneshot\nExecStart=/bin/false\n");
    assertThat(probe.ask("reload")).isEqualTo("ok");

    assertThat(probe.ask("unit", "start", "kt-fail.service", "30")).isEqualTo("ok failed");
    assertThat(container.systemctl("is-failed", "kt-fail.service")).isEqualTo("failed");
  }

  @Test
  void start_unknownUnit_errorNamesSystemdsReason() throws Exception {
    assertThat(probe.ask("unit", "start", "kt-missing.service", "30"))
        .isEqualTo("error failed to start kt-missing.service: Unit kt-missing.service not found");
  }

  @Test
  void runUnitCommand_unsupportedCommand_refused() throws Exception {
    assertThat(probe.ask("unit", "bounce", "kt-svc.service", "30"))
        .isEqualTo("error failed to run \"bounce\" on kt-svc.service: unsupported systemd command");
  }

  @Test
  void enableUnitFiles_wantedBy_wantsSymlinkCreated() throws Exception {
    String install = "[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n";
    writeUnit("kt-enable.service", install);
    writeUnit("kt-enable-rt.service", install);
    assertThat(probe.ask("reload")).isEqualTo("ok");

    assertThat(probe.ask("enable", "false", "true", "kt-enable.service")).isEqualTo("ok");
    assertThat(probe.ask("enable", "true", "true", "kt-enable-rt.service")).isEqualTo("ok");

    assertThat(
            Files.readSymbolicLink(
                container.path(UNITS + "multi-user.target.wants/kt-enable.service")))
        .isEqualTo(Path.of(UNITS + "kt-enable.service"));
    assertThat(container.systemctl("is-enabled", "kt-enable.service")).isEqualTo("enabled");
    assertThat(
            Files.isSymbolicLink(
                container.path("/run/systemd/system/multi-user.target.wants/kt-enable-rt.service")))
        .isTrue();
    assertThat(container.systemctl("is-enabled", "kt-enable-rt.service"))
        .isEqualTo("enabled-runtime");
  }

  @Test
  void start_unitMaskedByDevNullSymlink_refused() throws Exception {
    writeUnit("kt-masked.service", "[Service]\nExecStart=/bin/sleep infinity\n");
    Path unit = container.path(UNITS + "kt-masked.service");
    Files.delete(unit);
    Files.createSymbolicLink(unit, Path.of("/dev/null")); // what the applier's MaskUnit writes
    assertThat(probe.ask("reload")).isEqualTo("ok");

    assertThat(probe.ask("unit", "start", "kt-masked.service", "30"))
        .isEqualTo("error failed to start kt-masked.service: Unit kt-masked.service is masked");
    assertThat(container.systemctl("is-enabled", "kt-masked.service")).isEqualTo("masked");
    assertThat(container.systemctl("is-active", "kt-masked.service")).isEqualTo("inactive");
  }

  @Test
  void runTransientUnit_exitZero_statusZeroOutputInJournalUnitGone() throws Exception {
    assertThat(
            probe.ask(
                "transient",
                "kt-script-ok.service",
                "60",
                "/bin/sh",
                "-c",
                "echo kindling-script-says-hello; exit 0"))
        .isEqualTo("ok 0");

    assertThat(container.journal("kt-script-ok.service", "kindling-script-says-hello"))
        .contains("kindling-script-says-hello");
    assertThat(container.unitProperty("kt-script-ok.service", "LoadState")).isEqualTo("not-found");
  }

  @Test
  void runTransientUnit_exitThree_statusThreeUnitGone() throws Exception {
    assertThat(probe.ask("transient", "kt-script-3.service", "60", "/bin/sh", "-c", "exit 3"))
        .isEqualTo("ok 3");

    assertThat(container.unitProperty("kt-script-3.service", "LoadState")).isEqualTo("not-found");
    assertThat(container.systemctl("is-failed", "kt-script-3.service")).isNotEqualTo("failed");
  }

  @Test
  void runTransientUnit_pastTimeout_stoppedAndReported() throws Exception {
    assertThat(probe.ask("transient", "kt-script-slow.service", "1", "/bin/sleep", "60"))
        .isEqualTo(
            "error failed to run kt-script-slow.service: it did not finish within 1 s and was"
                + " stopped");

    assertThat(container.unitProperty("kt-script-slow.service", "LoadState"))
        .isEqualTo("not-found");
  }

  @Test
  void setHostname_setsStaticAndTransientName() throws Exception {
    assertThat(probe.ask("hostname", "kt-nspawn-host")).isEqualTo("ok");

    assertThat(container.exec("hostname").out()).isEqualTo("kt-nspawn-host");
    assertThat(container.exec("hostnamectl", "--static").out()).isEqualTo("kt-nspawn-host");
    assertThat(Files.readString(container.path("/etc/hostname")).strip())
        .isEqualTo("kt-nspawn-host");
  }

  private static void writeUnit(String name, String content) throws IOException {
    Files.writeString(container.path(UNITS + name), content);
  }
}
