package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kindling.testing.Fault;
import dev.kindling.testing.MetadataEmulator;
import dev.kindling.testing.MetadataEmulator.Flavor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A datasource that was found but failed: exit 1 with the real reason in every command and both
 * launchers; a metadata item that fails leaves everything else applied; a bad source argument is a
 * usage error before any lock is taken.
 */
@Timeout(180)
class SourceFailureIT {
  private static final Path FIXTURES = Path.of("src/test/resources/datasource");

  @TempDir Path tmp;
  private MetadataEmulator imds;
  private Path root;

  @BeforeEach
  void start() throws IOException {
    imds = MetadataEmulator.start(Flavor.EC2, FIXTURES.resolve("ec2/basic"));
    root = Files.createDirectories(tmp.resolve("root"));
    Files.writeString(
        Files.createDirectories(root.resolve("etc")).resolve("passwd"),
        "core:x:500:500::/home/core:/bin/bash\n");
  }

  @AfterEach
  void stop() {
    imds.close();
  }

  private JsonNode report() throws IOException {
    return new ObjectMapper().readTree(root.resolve("run/kindling/report.json").toFile());
  }

  private Cli.Run run(String command) {
    return Cli.kindling(
        command,
        "--from-ec2-metadata",
        imds.baseUri().toString(),
        "--root",
        root.toString(),
        "--systemd",
        "none",
        "--timeout",
        "10");
  }

  @Test
  void run_userDataAnswers500_exit1WithTheReason() throws IOException {
    imds.fault("/latest/user-data", Fault.status(500));

    Cli.Run r = run("run");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("failed to fetch user-data").contains("HTTP 500");
    assertThat(r.all()).doesNotContainIgnoringCase("no datasource");
    assertThat(report().get("error").asText()).startsWith("failed to fetch user-data");
    assertThat(report().get("datasource").asText()).isEqualTo("ec2-metadata");
    assertThat(report().get("exitStatus").asInt()).isEqualTo(1);
  }

  @Test
  void render_userDataAnswers500_exit1WithTheReason() {
    imds.fault("/latest/user-data", Fault.status(500));

    Cli.Run r =
        Cli.kindling("render", "--from-ec2-metadata", imds.baseUri().toString(), "--timeout", "10");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("failed to fetch user-data").contains("HTTP 500");
    assertThat(r.all()).doesNotContainIgnoringCase("no datasource");
  }

  @Test
  void launcher_userDataAnswers500_exit1WithTheReason() {
    imds.fault("/latest/user-data", Fault.status(500));

    Cli.Run r =
        Cli.coreosCloudinit(
            "-from-ec2-metadata",
            imds.baseUri().toString(),
            "-root",
            root.toString(),
            "-systemd",
            "none",
            "-timeout",
            "10");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.all()).contains("failed to fetch user-data").doesNotContain("No datasources");

    Cli.Run validate =
        Cli.coreosCloudinit(
            "-validate", "-from-ec2-metadata", imds.baseUri().toString(), "-timeout", "10");
    assertThat(validate.status()).isEqualTo(1);
    assertThat(validate.all())
        .contains("failed to fetch user-data")
        .doesNotContain("No datasources");
  }

  @Test
  void run_badSourceArgument_usageErrorBeforeTheLock() {
    Cli.Run r =
        Cli.kindling(
            "run", "--from-url", "ftp://x", "--root", root.toString(), "--systemd", "none");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--from-url").contains("ftp");
    assertThat(r.all()).doesNotContainIgnoringCase("no datasource");
    assertThat(root.resolve("run/kindling/lock")).doesNotExist();
    assertThat(root.resolve("run/kindling/report.json")).doesNotExist();
  }

  @Test
  void run_publicKeyListingAnswers500_appliesWhatIsKnownAndExits1() throws IOException {
    imds.fault("/latest/meta-data/public-keys/", Fault.status(500));

    Cli.Run r = run("run");

    assertThat(r.status()).isEqualTo(1);
    assertThat(root.resolve("etc/hostname")).hasContent("from-user-data");
    assertThat(r.err()).contains("failed to fetch public-keys/").contains("HTTP 500");
    JsonNode report = report();
    assertThat(report.get("datasourceFailures").get(0).asText())
        .startsWith("failed to fetch public-keys/");
    assertThat(report.get("actions").findValuesAsText("type")).contains("set-hostname");
    assertThat(report.get("exitStatus").asInt()).isEqualTo(1);
  }

  @Test
  void run_oneKeyAnswers500_theOtherKeyIsAuthorized() throws IOException {
    imds.fault("/latest/meta-data/public-keys/1/openssh-key", Fault.status(500));

    Cli.Run r = run("run");

    assertThat(r.status()).isEqualTo(1);
    assertThat(root.resolve("home/core/.ssh/authorized_keys.d/coreos-cloudinit"))
        .content()
        .contains("me@laptop")
        .doesNotContain("other@host");
    assertThat(r.err()).contains("failed to fetch public-keys/1/openssh-key");
  }

  @Test
  void fetch_publicKeyListingAnswers500_showsWhatArrivedAndExits1() {
    imds.fault("/latest/meta-data/public-keys/", Fault.status(500));

    Cli.Run r =
        Cli.kindling("fetch", "--from-ec2-metadata", imds.baseUri().toString(), "--timeout", "10");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).contains("hostname:      ip-10-0-0-5.ec2.internal");
    assertThat(r.err()).contains("failed to fetch public-keys/");
  }
}
