package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -q} and {@code -v} change what a real process logs (in-process tests cannot show it: the
 * test JVM's loggers already exist), for a command whose model is built from annotations (render)
 * and for run, whose model is built without them.
 */
class LogLevelIT {
  private static final String SAMPLE = "samples/cloud-config/docker-redis.yaml";

  @TempDir Path dir;

  @Test
  void quiet_logsNoInfoLines_sameOutputAndStatus() throws Exception {
    ValidateCliIT.Result plain =
        ValidateCliIT.kindling("", List.of(), "render", "--from-file", SAMPLE);
    ValidateCliIT.Result quiet =
        ValidateCliIT.kindling("", List.of(), "render", "-q", "--from-file", SAMPLE);

    assertThat(plain.err()).contains("INFO ");
    assertThat(quiet.err()).doesNotContain("INFO ");
    assertThat(quiet.out()).isEqualTo(plain.out());
    assertThat(quiet.status()).isEqualTo(plain.status()).isEqualTo(0);
  }

  @Test
  void run_quietAndVerbose() throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    ValidateCliIT.Result quiet =
        ValidateCliIT.kindling(
            "",
            List.of(),
            "run",
            "--quiet",
            "--from-file",
            SAMPLE,
            "--root",
            root.toString(),
            "--systemd",
            "none");
    assertThat(quiet.err()).doesNotContain("INFO ");

    // An empty config drive: its probe says why it is unavailable, at debug level.
    Path drive = Files.createDirectories(dir.resolve("drive"));
    ValidateCliIT.Result verbose =
        ValidateCliIT.kindling(
            "",
            List.of(),
            "run",
            "-v",
            "--from-configdrive",
            drive.toString(),
            "--root",
            root.toString(),
            "--systemd",
            "none",
            "--timeout",
            "1");
    assertThat(verbose.err()).contains("DEBUG ");
  }
}
