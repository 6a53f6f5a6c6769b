package dev.kindling.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar ({@code kindling.jar} system property) run as a process: standard input, exit
 * codes, and no jackson-databind on the validate path.
 */
class ValidateCliIT {
  @TempDir Path dir;

  record Result(int status, String out, String err) {}

  static Result kindling(String stdin, List<String> jvmArgs, String... args)
      throws IOException, InterruptedException {
    String jar = System.getProperty("kindling.jar", "target/kindling.jar");
    assertThat(Path.of(jar)).as("the shaded jar (mvn package)").exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-jar");
    command.add(jar);
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    CompletableFuture<byte[]> out =
        CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    CompletableFuture<byte[]> err =
        CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin.getBytes(UTF_8));
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("kindling did not exit within 60 s: " + command);
    }
    return new Result(
        process.exitValue(), new String(out.join(), UTF_8), new String(err.join(), UTF_8));
  }

  private static byte[] readAll(java.io.InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void validate_stdinCloudConfig_exitsZero() throws Exception {
    Result r = kindling("#cloud-config\nhostname: node1\n", List.of(), "validate", "-");
    assertThat(r.status()).isZero();
    assertThat(r.out()).isEqualTo("1 file checked: 0 errors, 0 warnings, 0 infos\n");
  }

  @Test
  void validate_stdinNotCloudConfig_exitsOneWithJson() throws Exception {
    Result r = kindling("hostname: node1\n", List.of(), "validate", "--format", "json", "-");
    assertThat(r.status()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.at("/files/0/file").asText()).isEqualTo("-");
    assertThat(json.at("/files/0/entries/0/message").asText())
        .isEqualTo("must be \"#cloud-config\" or begin with \"#!\"");
    assertThat(json.at("/summary/errors").asInt()).isEqualTo(1);
  }

  @Test
  void validate_strictWarningFromStdin_exitsOne() throws Exception {
    String warning = "#cloud-config\nbogus_key: 1\n";
    assertThat(kindling(warning, List.of(), "validate", "-").status()).isZero();
    assertThat(kindling(warning, List.of(), "validate", "--strict", "-").status()).isEqualTo(1);
  }

  @Test
  void validate_unreadablePathOrBadUsage_exitsTwo() throws Exception {
    Path good = dir.resolve("good.yaml");
    Files.writeString(good, "#cloud-config\n");
    Result r =
        kindling(
            "", List.of(), "validate", dir.resolve("missing.yaml").toString(), good.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("failed to read").contains("missing.yaml");
    assertThat(r.out()).contains("1 file checked");

    assertThat(kindling("", List.of(), "validate", "--bogus", "-").status()).isEqualTo(2);
  }

  @Test
  void validate_jsonAndSarif_doNotLoadJacksonDatabind() throws Exception {
    for (String format : List.of("json", "sarif")) {
      Result r =
          kindling(
              "#cloud-config\nbogus_key: 1\n",
              List.of("-verbose:class"),
              "validate",
              "--format",
              format,
              "-");
      assertThat(r.status()).isZero();
      assertThat(r.out()).as(format).contains("com.fasterxml.jackson.core");
      assertThat(r.out()).as(format).doesNotContain("com.fasterxml.jackson.databind");
    }
  }
}
