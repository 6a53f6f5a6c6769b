package dev.kindling.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} at every boundary of a run: the jar runs {@code run --from-file SAMPLE --root DIR
 * --systemd none} and halts (as SIGKILL would stop it) at boundary N (apply's test-only crash
 * points: temporary file created, written, before and after its rename, before each action), for N
 * = 1, 2, ... until a run passes every boundary; after each halt a second run on the same root must
 * leave exactly the tree a clean run leaves (the same entries, types, modes, owners, contents and
 * link targets) and no temporary file anywhere (the home's {@code .ssh} and drop-in directories
 * included).
 */
class CrashRecoveryIT {
  private static final Path SAMPLE = Path.of("src/test/resources/crash/user-data.yaml");
  private static final Pattern TEMP = Pattern.compile("\\..*\\.kindling-[0-9a-f]{1,16}");
  private static final String REPORT = "run/kindling/report.json";

  /** The report's copy kept for kindling status: like the report, it holds times. */
  private static final String LAST_RUN = "var/lib/kindling/last-run.json";

  @TempDir Path tmp;

  /** The machine before the first run: a core user and files the run replaces or extends. */
  private static Path seed(Path root) throws IOException {
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(
        root.resolve("etc/passwd"),
        "root:x:0:0:root:/root:/bin/bash\ncore:x:500:500:CoreOS Admin:/home/core:/bin/bash\n");
    Files.writeString(root.resolve("etc/group"), "root:x:0:\ncore:x:500:\n");
    Files.writeString(root.resolve("etc/motd"), "the old motd\n");
    Files.writeString(root.resolve("etc/app.conf"), "base\n");
    Files.createDirectories(root.resolve("home/core"));
    return root;
  }

  private static Cli.Run rerun(Path root) {
    return rerun(root, SAMPLE);
  }

  private static Cli.Run rerun(Path root, Path userData) {
    return Cli.kindling(
        "run", "--from-file", userData.toString(), "--root", root.toString(), "--systemd", "none");
  }

  /** Runs the jar halting at boundary {@code n}; the boundary's name when it halted there. */
  private static Optional<String> haltAt(int n, Path root)
      throws IOException, InterruptedException {
    String jar = System.getProperty("kindling.jar", "target/kindling.jar");
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Dkindling.test.haltAtBoundary=" + n,
            "-jar",
            jar,
            "run",
            "--from-file",
            SAMPLE.toString(),
            "--root",
            root.toString(),
            "--systemd",
            "none");
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(root.resolveSibling(root.getFileName() + ".log").toFile())
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the run halting at " + n + " did not end within 60 s");
    }
    String log = Files.readString(root.resolveSibling(root.getFileName() + ".log"), UTF_8);
    String marker = "kindling: halted at boundary " + n + ": ";
    int at = log.indexOf(marker);
    assertThat(p.exitValue()).as(log).isEqualTo(at >= 0 ? 137 : 0);
    return at < 0
        ? Optional.empty()
        : Optional.of(log.substring(at + marker.length()).lines().findFirst().orElse(""));
  }

  /** Every entry below {@code root}: type, mode, owner and content (the report: presence only). */
  private static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        String rel = root.relativize(p).toString();
        String mode =
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
        String owner =
            Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)
                + ":"
                + Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
        String what;
        if (Files.isSymbolicLink(p)) {
          what = "link -> " + Files.readSymbolicLink(p);
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          what = "dir " + mode + " " + owner;
        } else if (rel.equals(REPORT) || rel.equals(LAST_RUN)) {
          what = "report";
        } else {
          what =
              "file " + mode + " " + owner + " " + HexFormat.of().formatHex(Files.readAllBytes(p));
        }
        out.put(rel, what);
      }
    }
    return out;
  }

  private static List<String> temps(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      return all.filter(p -> TEMP.matcher(p.getFileName().toString()).matches())
          .map(p -> root.relativize(p).toString())
          .toList();
    }
  }

  @Test
  void run_killedAtEveryBoundary_rerunEqualsACleanRun() throws Exception {
    Path clean = seed(tmp.resolve("clean"));
    assertThat(rerun(clean).status()).isZero();
    Map<String, String> expected = tree(clean);
    assertThat(expected).containsKeys("etc/hostname", "home/core/.ssh", "opt/app/config.json");

    List<String> leftBehind = new ArrayList<>();
    int n = 1;
    while (true) {
      Path root = seed(tmp.resolve("killed-" + n));
      boolean halted = haltAt(n, root).isPresent();
      if (halted) {
        temps(root).forEach(t -> leftBehind.add(t));
        Cli.Run again = rerun(root);
        assertThat(again.status()).as("rerun after a halt at %d", n).isZero();
      }
      assertThat(temps(root)).as("temporary files after a halt at %d", n).isEmpty();
      assertThat(tree(root)).as("the tree after a halt at %d and a rerun", n).isEqualTo(expected);
      if (!halted) {
        break;
      }
      n++;
    }
    // Enough boundaries were crossed to mean something, and some halts did leave temporary files
    // (in the home's .ssh and in a drop-in directory too) that the reruns removed.
    assertThat(n).isGreaterThan(40);
    assertThat(leftBehind)
        .anyMatch(t -> t.startsWith("home/core/.ssh/"))
        .anyMatch(t -> t.contains(".service.d/"));
  }

  @Test
  void run_killedWritingAFile_aRerunThatNoLongerWritesItStillRemovesItsTemporaryFile()
      throws Exception {
    Path root;
    int n = 1;
    while (true) {
      root = seed(tmp.resolve("motd-" + n));
      Optional<String> halted = haltAt(n, root);
      assertThat(halted).as("a boundary writing /etc/motd").isPresent();
      if (halted.get().equals("temporary file written for /etc/motd")) {
        break;
      }
      n++;
    }
    assertThat(temps(root)).singleElement().asString().startsWith("etc/.motd.kindling-");
    Path other = tmp.resolve("other.yaml");
    Files.writeString(
        other, "#cloud-config\nwrite_files:\n  - path: /etc/issue\n    content: hello\n");

    assertThat(rerun(root, other).status()).isZero();

    assertThat(temps(root)).isEmpty();
    assertThat(root.resolve("etc/motd")).hasContent("the old motd");
    assertThat(root.resolve("etc/issue")).hasContent("hello");
  }
}
