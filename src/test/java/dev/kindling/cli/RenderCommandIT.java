package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kindling render}: the plan on stdout, and with --root the materialised tree. */
class RenderCommandIT {
  @TempDir Path tmp;

  private Path userData(String text) throws IOException {
    return Files.writeString(tmp.resolve("user-data"), text);
  }

  @Test
  void render_withoutRoot_writesNothing() throws IOException {
    Path data = userData("#cloud-config\nhostname: node1\n");

    Cli.Run r = Cli.kindling("render", "--from-file", data.toString(), "--timeout", "2");

    assertThat(r.status()).isZero();
    try (var list = Files.list(tmp)) {
      assertThat(list).containsExactly(data);
    }
  }

  @Test
  void render_rootDir_reportThereWithCommandRender() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Path metadata =
        Files.writeString(
            tmp.resolve("metadata.json"), "{\"privateIPv4\": \"10.0.0.5\", \"hostname\": \"m\"}");

    Cli.Run r =
        Cli.kindling(
            "render",
            "--from-file",
            userData("#cloud-config\nwrite_files:\n  - path: /etc/ip\n    content: $private_ipv4\n")
                .toString(),
            "--metadata",
            metadata.toString(),
            "--root",
            root.toString(),
            "--format",
            "json");

    assertThat(r.status()).isZero();
    JsonNode plan = new ObjectMapper().readTree(r.out());
    assertThat(plan.get("actions").findValuesAsText("path")).contains("/etc/ip");
    assertThat(root.resolve("etc/ip")).hasContent("10.0.0.5");
    JsonNode report =
        new ObjectMapper().readTree(root.resolve("run/kindling/report.json").toFile());
    assertThat(report.get("command").asText()).isEqualTo("render");
    assertThat(report.get("systemd").asText()).isEqualTo("none");
    assertThat(report.get("unresolvedVariables")).isEmpty();
  }

  @Test
  void render_sample_filesUnderTheRootAndNothingRun() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));

    Cli.Run r =
        Cli.kindling(
            "render",
            "--from-file",
            "samples/cloud-config/users-and-ssh-keys.yaml",
            "--root",
            root.toString());

    assertThat(r.status()).isZero();
    JsonNode report =
        new ObjectMapper().readTree(root.resolve("run/kindling/report.json").toFile());
    assertThat(report.get("actions").findValuesAsText("status"))
        .doesNotContain("failed", "rejected");
    assertThat(report.get("actions").findValuesAsText("type")).contains("create-user");
    assertThat(report.get("summary").get("recorded").asInt()).isPositive();
    assertThat(root.resolve("home/core/.ssh/authorized_keys")).exists();
  }

  @Test
  void render_rootSlash_refused() throws IOException {
    Cli.Run r = Cli.kindling("render", "--from-file", userData("").toString(), "--root", "/");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--root must be a directory other than /");
  }

  @Test
  void render_badFormatOrMetadata_usageError() throws IOException {
    Path data = userData("");
    assertThat(Cli.kindling("render", "--from-file", data.toString(), "--format", "yaml").status())
        .isEqualTo(2);
    Path bad = Files.writeString(tmp.resolve("m.json"), "[1]");
    Cli.Run r =
        Cli.kindling("render", "--from-file", data.toString(), "--metadata", bad.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("cannot read metadata");
  }
}
