package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code render --root} with a root that is this machine's {@code /} under another name. The jar
 * runs chrooted into an overlay of the whole {@code /} inside a private mount namespace, so even a
 * render that wrongly writes lands in the overlay's upper directory, never on this machine; the
 * test then asserts that nothing was written at all. Needs root, {@code unshare} and overlayfs;
 * skipped with the reason printed elsewhere.
 */
class HostRootRefusalIT {
  @TempDir Path tmp;

  private static final String SCRIPT =
      String.join(
          "\n",
          "set -e",
          "ns=\"$1\"; shift",
          "mount -t tmpfs tmpfs \"$ns\"",
          "mkdir -p \"$ns/upper\" \"$ns/work\" \"$ns/merged\"",
          "mount -t overlay overlay -o lowerdir=/,upperdir=\"$ns/upper\",workdir=\"$ns/work\""
              + " \"$ns/merged\"",
          "for m in proc dev sys; do mount --rbind /$m \"$ns/merged/$m\"; done",
          "echo namespace-ready",
          "set +e",
          "chroot \"$ns/merged\" \"$@\"",
          "echo \"exit $?\"",
          "cd \"$ns/upper\" && find . -type f ! -path './tmp/*' | sed 's/^/wrote /'",
          "");

  private List<String> render(String root) throws IOException, InterruptedException {
    Path userData = tmp.resolve("user-data");
    Files.writeString(
        userData,
        "#cloud-config\nwrite_files:\n  - path: /etc/kindling-must-not-exist\n    content: x\n"
            + "ssh_authorized_keys:\n  - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHbyGuZHDdTq1vKAlI1vkoj"
            + "cwLQR8GLhKU5GzZ6pVhz9 t@t\n");
    Path script = tmp.resolve("ns.sh");
    Files.writeString(script, SCRIPT);
    Path ns = Files.createDirectories(tmp.resolve("ns"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String jar = Path.of(System.getProperty("kindling.jar")).toAbsolutePath().toString();
    Process p =
        new ProcessBuilder(
                "unshare",
                "--mount",
                "--propagation",
                "private",
                "sh",
                script.toString(),
                ns.toString(),
                java,
                "-jar",
                jar,
                "render",
                "--from-file",
                userData.toString(),
                "--root",
                root)
            .redirectErrorStream(true)
            .start();
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
    for (String root : List.of("/proc/self/root", "/./", link.toString())) {
      List<String> out = render(root);

      assertThat(out).as(root).contains("exit 2");
      assertThat(out).as(root).anyMatch(l -> l.contains("--root must be a directory other than /"));
      assertThat(out).as(root).noneMatch(l -> l.startsWith("wrote "));
    }
  }
}
