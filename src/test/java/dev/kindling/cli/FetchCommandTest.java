package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kindling.agent.AgentEnvironment;
import dev.kindling.agent.TestEnvironments;
import dev.kindling.datasource.Datasource;
import dev.kindling.datasource.DatasourceLocator;
import dev.kindling.datasource.Deadline;
import dev.kindling.datasource.UrlDatasource;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.testing.Fault;
import dev.kindling.testing.MetadataEmulator;
import dev.kindling.testing.MetadataEmulator.Flavor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

@Timeout(60)
class FetchCommandTest {
  private static final Path FIXTURES = Path.of("src/test/resources/datasource");
  private static final String USER_DATA_SHA =
      "7115c26b2ce0978bff1360da2eb7b24ff37e89b659f3ac20d0b27ffdfcb41244";

  @TempDir Path tmp;
  private final List<MetadataEmulator> servers = new ArrayList<>();
  private final List<Datasource> located = new ArrayList<>();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @AfterEach
  void stop() {
    servers.forEach(MetadataEmulator::close);
  }

  private MetadataEmulator serve(Flavor flavor, String fixture) throws Exception {
    MetadataEmulator e = MetadataEmulator.start(flavor, FIXTURES.resolve(fixture));
    servers.add(e);
    return e;
  }

  /** Loopback only: a test DMI (unknown platform), its own cmdline file, no-sleep client. */
  private AgentEnvironment env(String cmdline) throws Exception {
    DatasourceLocator locator =
        new DatasourceLocator() {
          @Override
          public String name() {
            return "test locator";
          }

          @Override
          public List<Datasource> locate(Deadline deadline) {
            return located;
          }
        };
    return TestEnvironments.machine(
        tmp,
        "QEMU",
        cmdline,
        List.of(locator),
        (command, deadline) -> {
          throw new java.io.IOException("no program runs here: " + command.get(0));
        });
  }

  private int fetch(String... args) throws Exception {
    return fetchIn(env(""), args);
  }

  private int fetchIn(AgentEnvironment env, String... args) {
    FetchCommand cmd = new FetchCommand();
    cmd.environment = () -> env;
    CommandLine cl = new CommandLine(cmd);
    cl.setCommandName("kindling fetch");
    cl.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    cl.setExitCodeExceptionMapper(UsageErrors.MAPPER);
    cl.setParameterExceptionHandler(UsageErrors::usageError);
    return cl.execute(args);
  }

  @Test
  void fetch_text_showsSourceTypeSizeHashAndMetadataButNoUserData() throws Exception {
    MetadataEmulator imds = serve(Flavor.EC2, "ec2/basic");
    assertThat(fetch("--from-ec2-metadata", imds.baseUri().toString())).isZero();
    assertThat(out.toString())
        .isEqualTo(
            String.join(
                System.lineSeparator(),
                "datasource:    ec2-metadata",
                "user-data:     cloud-config, 39 bytes, sha256 " + USER_DATA_SHA,
                "instance-id:   i-0abc123def456",
                "hostname:      ip-10-0-0-5.ec2.internal",
                "public-ipv4:   203.0.113.7",
                "private-ipv4:  10.0.0.5",
                "public-ipv6:   2001:db8::7",
                "private-ipv6:  -",
                "ssh-keys:",
                "  my-key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE0z2mPBM4kupAxiKZEYNUZQnvfS47YRWPy+dopbhV4p me@laptop",
                "  other-key: ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDkoFHFe4O9sNEmeLfqlbzG1+iC91v+er7umHS8ClCiMYwmtNv0jv6WQtX9u4SQ4QVm85ldnLh+E9Q0CoOMaj4fFmi9e025O403VLOpRP3Q3ErfGp7hVUvg+AGGolAyb62qaRxVi9w+Nfz39e13Uqp/UZJRel3jWY5s1+3xb4/ICQ== other@host",
                ""));
    assertThat(out.toString()).doesNotContain("from-user-data");
  }

  @Test
  void fetch_json_matchesTheContract() throws Exception {
    MetadataEmulator imds = serve(Flavor.EC2, "ec2/basic");
    assertThat(fetch("--from-ec2-metadata", imds.baseUri().toString(), "--format", "json"))
        .isZero();
    JsonNode actual = new ObjectMapper().readTree(out.toString());
    JsonNode expected =
        new ObjectMapper()
            .readTree(
                "{\"datasource\":\"ec2-metadata\",\"userData\":{\"type\":\"cloud-config\",\"bytes\":39,"
                    + "\"sha256\":\""
                    + USER_DATA_SHA
                    + "\",\"gzip\":false},\"metadata\":{"
                    + "\"instanceId\":\"i-0abc123def456\",\"hostname\":\"ip-10-0-0-5.ec2.internal\","
                    + "\"publicIPv4\":\"203.0.113.7\",\"privateIPv4\":\"10.0.0.5\","
                    + "\"publicIPv6\":\"2001:db8::7\",\"privateIPv6\":null,\"sshPublicKeys\":{"
                    + "\"my-key\":\"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE0z2mPBM4kupAxiKZEYNUZQnvfS47YRWPy+dopbhV4p me@laptop\","
                    + "\"other-key\":\"ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDkoFHFe4O9sNEmeLfqlbzG1+iC91v+er7umHS8ClCiMYwmtNv0jv6WQtX9u4SQ4QVm85ldnLh+E9Q0CoOMaj4fFmi9e025O403VLOpRP3Q3ErfGp7hVUvg+AGGolAyb62qaRxVi9w+Nfz39e13Uqp/UZJRel3jWY5s1+3xb4/ICQ== other@host\"}}}");
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void fetch_showSecrets_addsTheUserDataText() throws Exception {
    MetadataEmulator imds = serve(Flavor.EC2, "ec2/basic");
    assertThat(
            fetch(
                "--from-ec2-metadata",
                imds.baseUri().toString(),
                "--format",
                "json",
                "--show-secrets"))
        .isZero();
    assertThat(new ObjectMapper().readTree(out.toString()).path("userData").path("text").asText())
        .isEqualTo("#cloud-config\nhostname: from-user-data\n");
    out.getBuffer().setLength(0);
    assertThat(fetch("--from-ec2-metadata", imds.baseUri().toString(), "--show-secrets")).isZero();
    assertThat(out.toString())
        .contains(
            "--- user-data ---"
                + System.lineSeparator()
                + "#cloud-config\nhostname: from-user-data\n--- end of user-data ---");
  }

  @Test
  void fetch_noUserData_saysNone() throws Exception {
    MetadataEmulator imds = serve(Flavor.EC2, "ec2/minimal");
    assertThat(fetch("--from-ec2-metadata", imds.baseUri().toString())).isZero();
    assertThat(out.toString())
        .contains(
            "user-data:     none, 0 bytes, sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  @Test
  void fetch_networkConfig_isSummarised() throws Exception {
    MetadataEmulator packet = serve(Flavor.PACKET, "packet/basic");
    assertThat(fetch("--from-packet-metadata", packet.baseUri().toString())).isZero();
    assertThat(out.toString())
        .contains("datasource:    packet-metadata")
        .containsPattern("network-config: packet, \\d+ characters");
  }

  @Test
  void fetch_severalSources_theOneThatAnswersWins() throws Exception {
    MetadataEmulator imds = serve(Flavor.EC2, "ec2/basic");
    MetadataEmulator nowhere = serve(Flavor.PLAIN, "plain/basic");
    assertThat(
            fetch(
                "--from-gce-metadata", imds.baseUri().toString(),
                "--from-openstack-metadata", nowhere.baseUri().toString(),
                "--from-ec2-metadata", imds.baseUri().toString()))
        .isZero();
    assertThat(out.toString()).startsWith("datasource:    ec2-metadata");
  }

  @Test
  void fetch_noSource_exits2() throws Exception {
    assertThat(fetch()).isEqualTo(2);
    assertThat(err.toString())
        .startsWith("kindling fetch: no datasource given: provide at least one of");
  }

  @Test
  void fetch_imdsDisabled_exits2NamingTheReasonWithoutWaitingForTheDeadline() throws Exception {
    MetadataEmulator imds = serve(Flavor.EC2, "ec2/basic");
    imds.allowImdsV1(true)
        .fault("/latest/api/token", Fault.status(403))
        .fault("/latest/meta-data/instance-id", Fault.status(403));
    assertThat(fetch("--from-ec2-metadata", imds.baseUri().toString(), "--timeout", "600"))
        .isEqualTo(2);
    assertThat(err.toString())
        .startsWith(
            "kindling fetch: no datasource available; tried ec2-metadata (GET http://127.0.0.1:")
        .contains("HTTP 403 (IMDS disabled");
  }

  @Test
  void fetch_timeout_exits2NamingTheSourcesTried() throws Exception {
    MetadataEmulator imds = serve(Flavor.EC2, "ec2/basic");
    imds.fault("/latest/meta-data/instance-id", Fault.status(503));
    MetadataEmulator gce = serve(Flavor.GCE, "gce/basic");
    gce.fault("/computeMetadata/v1/instance/id", Fault.hang());
    assertThat(
            fetch(
                "--from-ec2-metadata", imds.baseUri().toString(),
                "--from-gce-metadata", gce.baseUri().toString(),
                "--timeout", "1"))
        .isEqualTo(2);
    assertThat(err.toString())
        .startsWith("kindling fetch: no datasource available in time; tried ec2-metadata (")
        .contains("HTTP 503")
        .contains("gce-metadata (");
  }

  @Test
  void fetch_failureAfterSelection_exits1WithTheReason() throws Exception {
    MetadataEmulator imds = serve(Flavor.EC2, "ec2/basic");
    imds.fault("/latest/user-data", Fault.status(500));
    assertThat(fetch("--from-ec2-metadata", imds.baseUri().toString())).isEqualTo(1);
    assertThat(err.toString())
        .startsWith(
            "kindling fetch: datasource ec2-metadata: failed to fetch user-data: GET http://127.0.0.1:")
        .contains("HTTP 500 (the service is failing; gave up after 3 attempts)");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void fetch_usageErrors_exit2() throws Exception {
    assertThat(fetch("--from-url", "http://127.0.0.1:1/x", "--format", "yaml")).isEqualTo(2);
    assertThat(err.toString()).contains("invalid --format \"yaml\"");
    assertThat(fetch("--from-url", "http://127.0.0.1:1/x", "--timeout", "0")).isEqualTo(2);
    assertThat(fetch("--oem", "bogus")).isEqualTo(2);
    assertThat(err.toString()).contains("invalid --oem \"bogus\"; supported: azure,");
    assertThat(fetch("--from-ec2-metadata", "gopher://127.0.0.1/")).isEqualTo(2);
  }

  @Test
  void fetch_localSources_areWired() throws Exception {
    assertThat(
            fetch(
                "--from-configdrive", FIXTURES.resolve("configdrive/openstack-latest").toString()))
        .isZero();
    assertThat(out.toString())
        .startsWith("datasource:    configdrive")
        .contains("instance-id:   b0fa911b-69d4-4476-bbe2-1c92bff6535c");
    out.getBuffer().setLength(0);
    assertThat(fetch("--from-file", FIXTURES.resolve("local-file/happy/user-data").toString()))
        .isZero();
    assertThat(out.toString()).startsWith("datasource:    local-file");
  }

  @Test
  void fetch_missingFile_exits2AtOnce() throws Exception {
    assertThat(fetch("--from-file", tmp.resolve("absent").toString(), "--timeout", "1"))
        .isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("kindling fetch: no such file: " + tmp.resolve("absent") + "\n");
  }

  @Test
  void fetch_autoOnAnUnknownPlatform_exits2() throws Exception {
    assertThat(fetch("--auto")).isEqualTo(2);
    assertThat(err.toString()).contains("--auto recognised no platform and found no source");
  }

  @Test
  void fetch_autoWithAKernelArgument_usesProcCmdline() throws Exception {
    MetadataEmulator web = serve(Flavor.PLAIN, "plain/basic");
    AgentEnvironment env = env("ro cloud-config-url=" + web.baseUri() + "cloud-config.yaml\n");
    assertThat(fetchIn(env, "--auto")).isZero();
    assertThat(out.toString())
        .startsWith("datasource:    proc-cmdline")
        .contains("cloud-config, 33 bytes");
  }

  @Test
  void fetch_autoRunsTheLocators() throws Exception {
    MetadataEmulator web = serve(Flavor.PLAIN, "plain/basic");
    AgentEnvironment env = env("");
    try (MetadataClient c = env.httpClients().get()) {
      located.add(new UrlDatasource(c, web.baseUri().resolve("cloud-config.yaml")));
      assertThat(fetchIn(env, "--auto")).isZero();
    }
    assertThat(out.toString()).startsWith("datasource:    url");
  }

  @Test
  void main_registersFetch() throws Exception {
    MetadataEmulator imds = serve(Flavor.EC2, "ec2/basic");
    int status =
        Main.run(
            new String[] {
              "fetch", "--from-ec2-metadata", imds.baseUri().toString(), "--format", "json"
            },
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    assertThat(status).isZero();
    assertThat(new ObjectMapper().readTree(out.toString()).path("datasource").asText())
        .isEqualTo("ec2-metadata");
  }
}
