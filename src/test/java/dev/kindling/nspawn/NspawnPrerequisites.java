package dev.kindling.nspawn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Decides whether a systemd-nspawn test can run here and finds its inputs: root, the systemd-nspawn
 * and nsenter binaries, the shaded jar, and the shared e2e image (cached, or built by
 * e2e/image/build-image.sh). Anything missing aborts the test as SKIPPED with the reason printed,
 * never as a pass.
 */
public final class NspawnPrerequisites {
  private static final Duration IMAGE_BUILD_LIMIT = Duration.ofMinutes(45);

  private NspawnPrerequisites() {}

  /** The project directory (Maven's {@code basedir}, else the working directory). */
  public static Path projectDir() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
  }

  /** The shaded jar under test; skips when it has not been built. */
  public static Path kindlingJar() {
    String configured = System.getProperty("kindling.jar");
    Path jar =
        configured != null ? Path.of(configured) : projectDir().resolve("target/kindling.jar");
    skipUnless(Files.isRegularFile(jar), "the shaded jar " + jar + " is not built (mvn package)");
    return jar;
  }

  /** Checks root and the host tools, then returns the image's rootfs directory. */
  public static Path rootfs() throws IOException, InterruptedException {
    skipUnless(
        System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux"),
        "systemd-nspawn needs Linux");
    Exec.Result id = Exec.run(List.of("id", "-u"), Duration.ofSeconds(10));
    skipUnless(id.out().equals("0"), "systemd-nspawn needs root (uid is " + id.out() + ")");
    skipUnless(
        Exec.onPath("systemd-nspawn"),
        "systemd-nspawn is not installed (e2e/nspawn/prepare.sh installs systemd-container)");
    skipUnless(Exec.onPath("nsenter"), "nsenter is not installed (util-linux)");
    Path script = projectDir().resolve("e2e/image/build-image.sh");
    skipUnless(Files.isExecutable(script), "no image script at " + script);
    long start = System.nanoTime();
    Exec.Result built = Exec.run(List.of("bash", script.toString()), IMAGE_BUILD_LIMIT);
    skipUnless(
        built.exitCode() == 0,
        "no cached or buildable test image: " + lastLines(built.stderr(), 5));
    Path entry = Path.of(built.out().lines().reduce((a, b) -> b).orElse(""));
    Path rootfs = entry.resolve("rootfs");
    skipUnless(Files.isDirectory(rootfs.resolve("usr/lib/systemd")), "no rootfs at " + rootfs);
    System.out.printf(
        "nspawn: image %s ready after %.1f s%n", entry, (System.nanoTime() - start) / 1e9);
    return rootfs;
  }

  /** Aborts the calling test as skipped, printing why, unless {@code condition} holds. */
  public static void skipUnless(boolean condition, String reason) {
    if (!condition) {
      System.out.println("SKIPPED (systemd-nspawn test): " + reason);
      Assumptions.abort(reason);
    }
  }

  private static String lastLines(String text, int n) {
    List<String> lines = text.strip().lines().toList();
    return String.join(" | ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
  }
}
