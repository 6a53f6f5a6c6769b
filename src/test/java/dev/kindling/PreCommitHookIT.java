package dev.kindling;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kindling-validate hook's script finding Kindling ($KINDLING, the PATH, the repository's own
 * jar), and the hook run by pre-commit itself when it is installed.
 */
class PreCommitHookIT {
  private static final Path SCRIPT = Path.of("scripts/pre-commit-validate.sh").toAbsolutePath();
  private static final String JAR =
      Path.of(System.getProperty("kindling.jar", "target/kindling.jar"))
          .toAbsolutePath()
          .toString();
  private static final String TYPO = "#cloud-config\nhostnme: a\n";
  private static final String ERROR =
      "#cloud-config\ncoreos:\n  update:\n    reboot_strategy: sometimes\n";

  @TempDir Path dir;

  record Result(int status, String out) {}

  private Result run(List<String> command, Map<String, String> env, Path cwd)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
    pb.environment().remove("KINDLING");
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    assertThat(p.waitFor(240, TimeUnit.SECONDS)).as("finished: %s", command).isTrue();
    return new Result(p.exitValue(), out);
  }

  /** A PATH with java and dirname only: no kindling, no mvn. */
  private String barepath() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    forward(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
    forward(bin.resolve("dirname"), Path.of("/usr/bin/dirname"));
    return bin.toString();
  }

  /** A script at {@code link} that runs {@code target} with its arguments. */
  private static void forward(Path link, Path target) throws IOException {
    Files.writeString(link, "#!/bin/sh\nexec '" + target + "' \"$@\"\n");
    Files.setPosixFilePermissions(link, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Path file(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    return f;
  }

  @Test
  void kindlingVariable_pointsAtTheJar_statusIsValidates() throws Exception {
    Path typo = file("a/user-data", TYPO);
    Path error = file("b/user-data", ERROR);
    Result warned = run(List.of(SCRIPT.toString(), typo.toString()), Map.of("KINDLING", JAR), dir);
    assertThat(warned.status()).isZero();
    assertThat(warned.out()).contains("[unknown-key]").contains("1 file checked");
    Result failed =
        run(
            List.of(SCRIPT.toString(), typo.toString(), error.toString()),
            Map.of("KINDLING", JAR),
            dir);
    assertThat(failed.status()).isEqualTo(1);
    assertThat(failed.out()).contains("[invalid-value]").contains("2 files checked");
    Result strict =
        run(
            List.of(SCRIPT.toString(), typo.toString()),
            Map.of("KINDLING", JAR, "KINDLING_VALIDATE_ARGS", "--strict"),
            dir);
    assertThat(strict.status()).isEqualTo(1);
  }

  @Test
  void kindlingOnThePath_isUsed() throws Exception {
    String path = barepath();
    Path launcher = Path.of(path, "kindling");
    Files.writeString(launcher, "#!/bin/sh\necho \"launcher: $*\"\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Result r = run(List.of(SCRIPT.toString(), "user-data"), Map.of("PATH", path), dir);
    assertThat(r.status()).isZero();
    assertThat(r.out()).isEqualTo("launcher: validate user-data\n");
  }

  @Test
  void withoutKindling_theRepositorysJarIsUsed_elseExitTwo() throws Exception {
    Path typo = file("user-data", TYPO);
    String path = barepath();
    Result ours = run(List.of(SCRIPT.toString(), typo.toString()), Map.of("PATH", path), dir);
    assertThat(ours.status()).as(ours.out()).isZero();
    assertThat(ours.out()).contains("[unknown-key]");

    Path elsewhere = Files.createDirectories(dir.resolve("clone/scripts"));
    Path copy = Files.copy(SCRIPT, elsewhere.resolve(SCRIPT.getFileName()));
    Result missing = run(List.of(copy.toString(), typo.toString()), Map.of("PATH", path), dir);
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.out()).contains("Kindling not found").contains("KINDLING");
  }

  @Test
  void preCommitTryRepo_runsTheHookOnMatchingFiles() throws Exception {
    assumeTrue(
        run(List.of("sh", "-c", "command -v pre-commit"), Map.of(), dir).status() == 0,
        "pre-commit is not installed (scripts/test-all.sh installs it)");
    Path project = Files.createDirectories(dir.resolve("project"));
    Files.writeString(project.resolve("user-data"), TYPO);
    Files.createDirectories(project.resolve("nodes"));
    Files.writeString(project.resolve("nodes/n1.cloud-config.yaml"), ERROR);
    Files.writeString(project.resolve("compose.yaml"), "services: {}\n");
    assertThat(run(List.of("git", "init", "-q"), Map.of(), project).status()).isZero();
    assertThat(run(List.of("git", "add", "."), Map.of(), project).status()).isZero();
    List<String> command = new ArrayList<>();
    command.addAll(List.of("pre-commit", "try-repo", Path.of("").toAbsolutePath().toString()));
    command.addAll(List.of("kindling-validate", "--all-files"));
    Result r =
        run(
            command,
            Map.of(
                "KINDLING", JAR,
                "PRE_COMMIT_HOME", dir.resolve("cache").toString(),
                "GIT_AUTHOR_NAME", "test",
                "GIT_AUTHOR_EMAIL", "test@localhost",
                "GIT_COMMITTER_NAME", "test",
                "GIT_COMMITTER_EMAIL", "test@localhost"),
            project);
    assertThat(r.status()).as(r.out()).isEqualTo(1);
    assertThat(r.out())
        .contains("kindling validate")
        .contains("nodes/n1.cloud-config.yaml:4:22: error: invalid value sometimes [invalid-value]")
        .contains("user-data:2:1: warning: unrecognized key \"hostnme\" [unknown-key]")
        .contains("2 files checked")
        .doesNotContain("compose.yaml");
  }
}
