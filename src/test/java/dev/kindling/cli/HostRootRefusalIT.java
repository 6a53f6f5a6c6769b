package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render --root} and {@code run --root --systemd dbus} with a root that is this machine's
 * {@code /} under another name. The jar runs chrooted into an overlay of the whole {@code /} inside
 * a private mount namespace, so even a run that wrongly writes lands in the overlay's upper
 * directory, never on this machine; the test then asserts what was written. Needs root, {@code
 * unshare} and overlayfs; skipped with the reason printed elsewhere.
 *
 * <p>For {@code run}, the overlay's {@code /run} is an empty tmpfs (no bus socket of this machine
 * is reachable there) and {@code DBUS_SYSTEM_BUS_ADDRESS} names a regular file, which fails to
 * connect at once: no D-Bus of this machine is ever called. A run that treats the root as {@code /}
 * gets as far as connecting to systemd and fails there (exit 1); one that does not would refuse
 * {@code --systemd dbus} as a usage error (exit 2) before taking the lock.
 */
class HostRootRefusalIT {
  @TempDir Path tmp;

  private static final String NO_BUS = "unix:path=/etc/hostname";

  private static final String SCRIPT =
      String.join(
          "\n",
          "set -e",
          "ns=\"$1\"; private_run=\"$2\"; shift 2",
          "mount -t tmpfs tmpfs \"$ns\"",
          "mkdir -p \"$ns/upper\" \"$ns/work\" \"$ns/merged\"",
          "mount -t overlay overlay -o lowerdir=/,upperdir=\"$ns/upper\",workdir=\"$ns/work\""
              + " \"$ns/merged\"",
          "for m in proc dev sys; do mount --rbind /$m \"$ns/merged/$m\"; done",
          "if [ \"$private_run\" = yes ]; then mount -t tmpfs tmpfs \"$ns/merged/run\"; fi",
          "echo namespace-ready",
          "set +e",
          "chroot \"$ns/merged\" \"$@\"",
          "echo \"exit $?\"",
          "if [ -f \"$ns/merged/run/kindling/report.json\" ]; then",
          "  sed 's/^/report /' \"$ns/merged/run/kindling/report.json\"",
          "fi",
          "cd \"$ns/upper\" && find . -type f ! -path './tmp/*' | sed 's/^/wrote /'",
          "");

  private Path userData() throws IOException {
    Path userData = tmp.resolve("user-data");
    Files.writeString(
        userData,
        "#cloud-config\nwrite_files:\n  - path: /etc/kindling-must-not-exist\n    content: x\n"
            + "ssh_authorized_keys:\n  - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHbyGuZHDdTq1vKAlI1vkoj"
            + "cwLQR8GLhKU5GzZ6pVhz9 t@t\n");
    return userData;
  }

  /** Runs {@code kindling ARGS} chrooted into a private overlay of {@code /}; its output lines. */
  private List<String> inOverlay(boolean privateRun, String... args)
      throws IOException, InterruptedException {
    Path script = tmp.resolve("ns.sh");
    Files.writeString(script, SCRIPT);
    Path ns = Files.createTempDirectory(tmp, "ns");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String jar = Path.of(System.getProperty("kindling.jar")).toAbsolutePath().toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                "unshare",
                "--mount",
                "--propagation",
                "private",
                "sh",
                script.toString(),
                ns.toString(),
                privateRun ? "yes" : "no",
                java,
                "-jar",
                jar));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("DBUS_SYSTEM_BUS_ADDRESS", NO_BUS);
    Process p = builder.start();
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeTrue(
        out.contains("namespace-ready"),
        "needs root, unshare and overlayfs for a private overlay of /: " + out.strip());
    return out.lines().toList();
  }

  @Test
  void render_rootThatIsSlashUnderAnotherName_isRefusedAndWritesNothing() throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("slash"), Path.of("/"));
    String userData = userData().toString();
    for (String root : List.of("/proc/self/root", "/./", link.toString())) {
      List<String> out = inOverlay(false, "render", "--from-file", userData, "--root", root);

      assertThat(out).as(root).contains("exit 2");
      assertThat(out).as(root).anyMatch(l -> l.contains("--root must be a directory other than /"));
      assertThat(out).as(root).noneMatch(l -> l.startsWith("wrote "));
    }
  }

  @Test
  void runSystemdDbus_rootThatIsSlashUnderAnotherName_isTreatedAsSlash() throws Exception {
    Path link = Files.createSymbolicLink(tmp.resolve("slash"), Path.of("/"));
    String userData = userData().toString();
    for (String root : List.of("/proc/self/root", "/./", link.toString())) {
      List<String> out =
          inOverlay(true, "run", "--from-file", userData, "--root", root, "--systemd", "dbus");

      // Past the --systemd dbus check: the lock was taken, the user data planned, and systemd
      // (the running system's) was the next step; it is unreachable here, so the run fails there.
      assertThat(out).as(root).contains("exit 1");
      assertThat(out)
          .as(root)
          .anyMatch(l -> l.contains("failed to connect to the system bus at " + NO_BUS));
      assertThat(out).as(root).noneMatch(l -> l.contains("--systemd dbus manages the running"));
      assertThat(out).as(root).anyMatch(l -> l.matches("report +\"systemd\": \"dbus\",?"));
      assertThat(out).as(root).anyMatch(l -> l.matches("report +\"root\": \"/\",?"));
      // Nothing of the config is written; only the agent's own state (the failed run, kept for
      // kindling status, and the instance's metadata for kindling query).
      assertThat(out)
          .as(root)
          .noneMatch(l -> l.startsWith("wrote ") && !l.startsWith("wrote ./var/lib/kindling/"));
    }
  }

  @Test
  void runSystemdDbus_anotherDirectory_isAUsageError() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("target"));

    List<String> out =
        inOverlay(
            true,
            "run",
            "--from-file",
            userData().toString(),
            "--root",
            dir.toString(),
            "--systemd",
            "dbus");

    assertThat(out).contains("exit 2");
    assertThat(out).anyMatch(l -> l.contains("--systemd dbus manages the running system"));
    assertThat(out).noneMatch(l -> l.startsWith("report "));
  }
}
