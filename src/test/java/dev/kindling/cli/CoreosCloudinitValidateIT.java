package dev.kindling.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code coreos-cloudinit -validate} as the packaged launcher runs it (the shaded jar's {@code
 * CoreosCloudinitMain}, a process of its own): every case of {@code
 * src/test/resources/compat/validate} gives the lines and the exit status of its {@code expected}
 * file (see {@link CoreosCloudinitValidateTest}).
 */
class CoreosCloudinitValidateIT {
  private static final Path CASES = Path.of("src", "test", "resources", "compat", "validate");

  static Stream<String> cases() throws IOException {
    return CoreosCloudinitValidateTest.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void launcherProcess_case_isTheOriginalsReport(String name) throws Exception {
    Path dir = CASES.resolve(name);

    String actual =
        launcher(Map.of(), "-validate", "-from-file", dir.resolve("user-data").toString());

    assertThat(actual).isEqualTo(Files.readString(dir.resolve("expected"), UTF_8));
  }

  @Test
  void launcherProcess_validateAllEnvironment_printsKindlingsFindings() throws Exception {
    String data = CASES.resolve("only-dash-keys").resolve("user-data").toString();

    assertThat(launcher(Map.of("KINDLING_VALIDATE_ALL", "1"), "-validate", "-from-file", data))
        .startsWith("line 3: info: \"ssh-authorized-keys\" is read as \"ssh_authorized_keys\"\n")
        .endsWith("exit 1\n");
  }

  /**
   * Runs the launcher; returns its {@code line N: ...} log lines without timestamps (Kindling's own
   * log lines left out), then {@code exit N}. Standard output must stay empty.
   */
  private static String launcher(Map<String, String> env, String... args) throws Exception {
    String jar = System.getProperty("kindling.jar", "target/kindling.jar");
    assertThat(Path.of(jar)).as("the shaded jar (mvn package)").exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-cp", jar, "dev.kindling.cli.CoreosCloudinitMain"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("KINDLING_VALIDATE_ALL");
    builder.environment().putAll(env);
    Process process = builder.start();
    CompletableFuture<byte[]> out =
        CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    process.getOutputStream().close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the launcher did not exit within 60 s: " + command);
    }
    assertThat(new String(out.join(), UTF_8)).as("standard output").isEmpty();
    StringBuilder lines = new StringBuilder();
    for (String line : new String(err.join(), UTF_8).split("\n", -1)) {
      if (!line.matches("(TRACE|DEBUG|INFO|WARN|ERROR) .*")) {
        lines.append(line).append('\n');
      }
    }
    String text = lines.toString().replaceFirst("\n\n$", "\n").replaceFirst("^\n$", "");
    return text.replaceAll("(?m)^\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d ", "")
        + "exit "
        + process.exitValue()
        + "\n";
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
