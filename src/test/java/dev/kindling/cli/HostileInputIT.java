package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input built to hurt: every command answers with a finding or an error, a report is written, and
 * nothing is amplified onto the disk.
 */
class HostileInputIT {
  @TempDir Path tmp;

  private Path file(String name, String text) throws IOException {
    Path file = tmp.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** A 2 MB string anchored once and aliased ten times: 20 MB once every alias is followed. */
  private static String aliasBomb() {
    StringBuilder yaml =
        new StringBuilder("#cloud-config\nbig: &s \"")
            .append("y".repeat(2_000_000))
            .append("\"\nwrite_files:\n");
    for (int i = 0; i < 10; i++) {
      yaml.append("  - path: /etc/copy").append(i).append("\n    content: *s\n");
    }
    return yaml.toString();
  }

  @Test
  void validate_aliasAmplification_isAFindingAtTheAlias() throws IOException {
    Cli.Run r =
        Cli.kindling("validate", "--format", "json", file("user-data", aliasBomb()).toString());

    assertThat(r.status()).isEqualTo(1);
    JsonNode entry = new ObjectMapper().readTree(r.out()).get("files").get(0).get("entries").get(0);
    assertThat(entry.get("code").asText()).isEqualTo("yaml-syntax");
    // The fifth alias (line 13) brings the aliased text past 8 Mi characters.
    assertThat(entry.get("line").asInt()).isEqualTo(13);
    assertThat(entry.get("column").asInt()).isEqualTo(14);
    assertThat(entry.get("message").asText()).contains("aliases expand the document");
    assertThat(r.all()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void run_aliasAmplification_appliesNothingFromItAndWritesTheReport() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Path data = file("user-data", aliasBomb());

    Cli.Run r =
        Cli.kindling(
            "run",
            "--from-file",
            data.toString(),
            "--root",
            root.toString(),
            "--systemd",
            "none",
            "--timeout",
            "5");

    assertThat(r.status()).isEqualTo(1);
    assertThat(root.resolve("etc/copy0")).doesNotExist();
    JsonNode report =
        new ObjectMapper().readTree(root.resolve("run/kindling/report.json").toFile());
    assertThat(report.get("userData").get("problems").get(0).asText())
        .contains("line 13, column 14")
        .contains("aliases expand the document");
    assertThat(r.all()).doesNotContain("Exception").doesNotContain("\tat ");
    try (Stream<Path> all = Files.walk(root)) {
      long bytes = all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
      assertThat(bytes).isLessThan(1_000_000);
    }
  }

  @Test
  void run_multipartOverThePartLimit_isRefusedWholeAndReported() throws IOException {
    StringBuilder m = new StringBuilder("Content-Type: multipart/mixed; boundary=\"XX\"\n\n");
    for (int i = 0; i < 1001; i++) {
      m.append("--XX\nContent-Type: text/cloud-config\n\nwrite_files:\n- path: /etc/p")
          .append(i)
          .append("\n  content: x\n");
    }
    Path data = file("user-data", m.append("--XX--\n").toString());
    Path root = Files.createDirectories(tmp.resolve("root"));

    Cli.Run validate = Cli.kindling("validate", data.toString());
    Cli.Run run =
        Cli.kindling(
            "run", "--from-file", data.toString(), "--root", root.toString(), "--systemd", "none");

    assertThat(validate.status()).isEqualTo(1);
    assertThat(validate.out()).contains("more than 1000 parts").contains("[multipart]");
    assertThat(run.status()).isEqualTo(1);
    assertThat(root.resolve("etc/p0")).doesNotExist();
    JsonNode report =
        new ObjectMapper().readTree(root.resolve("run/kindling/report.json").toFile());
    assertThat(report.get("userData").get("problems").toString()).contains("more than 1000 parts");
  }
}
