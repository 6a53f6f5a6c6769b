package dev.kindling.datasource.ec2;

import static dev.kindling.datasource.TestSources.deadline;
import static dev.kindling.datasource.TestSources.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.TestSources;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.metadata.Metadata;
import dev.kindling.testing.Fault;
import dev.kindling.testing.MetadataEmulator;
import dev.kindling.testing.MetadataEmulator.Flavor;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class Ec2MetadataDatasourceTest {
  private static final String TOKEN = "/latest/api/token";
  private final MetadataClient client = TestSources.client();
  private MetadataEmulator imds;

  @AfterEach
  void stop() {
    client.close();
    if (imds != null) {
      imds.close();
    }
  }

  private Ec2MetadataDatasource start(String fixture) throws Exception {
    imds = TestSources.emulator(Flavor.EC2, fixture);
    return new Ec2MetadataDatasource(client, imds.baseUri());
  }

  private String probeFailure(Ec2MetadataDatasource ds) throws Exception {
    assertThat(ds.isAvailable(deadline())).isFalse();
    return ds.lastProbeFailure().orElseThrow().reason();
  }

  @Test
  void fetch_imdsV2_readsEverythingWithTheTokenOnEveryRequest() throws Exception {
    Ec2MetadataDatasource ds = start("ec2/basic");
    assertThat(ds.isAvailable(deadline())).isTrue();
    assertThat(text(ds.fetchUserData(deadline())))
        .isEqualTo("#cloud-config\nhostname: from-user-data\n");
    Metadata m = ds.fetchMetadata(deadline());
    assertThat(m)
        .isEqualTo(
            new Metadata(
                Optional.of("i-0abc123def456"),
                Optional.of("ip-10-0-0-5.ec2.internal"),
                Optional.of("203.0.113.7"),
                Optional.of("10.0.0.5"),
                Optional.of("2001:db8::7"),
                Optional.empty(),
                Map.of(
                    "my-key",
                        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE0z2mPBM4kupAxiKZEYNUZQnvfS47YRWPy+dopbhV4p me@laptop",
                    "other-key",
                        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDkoFHFe4O9sNEmeLfqlbzG1+iC91v+er7umHS8ClCiMYwmtNv0jv6WQtX9u4SQ4QVm85ldnLh+E9Q0CoOMaj4fFmi9e025O403VLOpRP3Q3ErfGp7hVUvg+AGGolAyb62qaRxVi9w+Nfz39e13Uqp/UZJRel3jWY5s1+3xb4/ICQ== other@host"),
                Optional.empty()));
    assertThat(m.sshPublicKeys().keySet()).containsExactly("my-key", "other-key");
    assertThat(imds.count("PUT", TOKEN)).isEqualTo(1);
    MetadataEmulator.Recorded put = imds.requests().get(0);
    assertThat(put.headers()).containsEntry("x-aws-ec2-metadata-token-ttl-seconds", "21600");
    assertThat(imds.requests().subList(1, imds.requests().size()))
        .allSatisfy(r -> assertThat(r.headers()).containsKey("x-aws-ec2-metadata-token"));
  }

  @Test
  void fetch_noUserData_isEmptyAndAbsentItemsAreSkipped() throws Exception {
    Ec2MetadataDatasource ds = start("ec2/minimal");
    assertThat(ds.isAvailable(deadline())).isTrue();
    assertThat(ds.fetchUserData(deadline())).isEmpty();
    Metadata m = ds.fetchMetadata(deadline());
    assertThat(m.hostname()).contains("ip-10-0-0-9.ec2.internal"); // first token only
    assertThat(m.privateIpv4()).contains("10.0.0.9");
    assertThat(m.publicIpv4()).isEmpty();
    assertThat(m.sshPublicKeys()).isEmpty();
  }

  @Test
  void fetch_tokenRefusedWith403_404_405_fallsBackToImdsV1() throws Exception {
    for (int status : new int[] {403, 404, 405}) {
      Ec2MetadataDatasource ds = start("ec2/basic");
      imds.allowImdsV1(true).fault(TOKEN, Fault.status(status));
      assertThat(ds.isAvailable(deadline())).as("token HTTP %d", status).isTrue();
      assertThat(ds.fetchMetadata(deadline()).instanceId()).contains("i-0abc123def456");
      assertThat(imds.requests().subList(1, imds.requests().size()))
          .noneSatisfy(r -> assertThat(r.headers()).containsKey("x-aws-ec2-metadata-token"));
      imds.close();
    }
    imds = null;
  }

  @Test
  void probe_token400_isAPermanentFailureNamingTheProblem() throws Exception {
    Ec2MetadataDatasource ds = start("ec2/basic");
    imds.fault(TOKEN, Fault.status(400));
    assertThat(probeFailure(ds)).contains("HTTP 400").contains("missing or invalid parameters");
    assertThat(ds.lastProbeFailure().orElseThrow().permanent()).isTrue();
  }

  @Test
  void fetch_expiredToken_isRenewedOnce() throws Exception {
    Ec2MetadataDatasource ds = start("ec2/basic");
    assertThat(ds.isAvailable(deadline())).isTrue();
    imds.fault("/latest/user-data", Fault.expireTokens().times(1));
    assertThat(ds.fetchUserData(deadline())).isPresent();
    assertThat(imds.count("PUT", TOKEN)).isEqualTo(2);
    assertThat(imds.count("GET", "/latest/user-data")).isEqualTo(2);
  }

  @Test
  void fetch_401EvenWithAFreshToken_failsSayingWhy() throws Exception {
    Ec2MetadataDatasource ds = start("ec2/basic");
    assertThat(ds.isAvailable(deadline())).isTrue();
    imds.fault("/latest/user-data", Fault.status(401));
    DatasourceException e =
        assertThrows(DatasourceException.class, () -> ds.fetchUserData(deadline()));
    assertThat(e.getMessage())
        .startsWith("failed to fetch user-data: GET http://127.0.0.1:")
        .contains("HTTP 401 (the IMDSv2 token is missing, invalid or expired)");
    assertThat(imds.count("PUT", TOKEN)).isEqualTo(2);
  }

  @Test
  void probe_imdsDisabled403_saysSo() throws Exception {
    Ec2MetadataDatasource ds = start("ec2/basic");
    imds.allowImdsV1(true)
        .fault(TOKEN, Fault.status(403))
        .fault("/latest/meta-data/instance-id", Fault.status(403));
    String reason = probeFailure(ds);
    assertThat(reason).contains("HTTP 403").contains("IMDS disabled");
    assertThat(ds.lastProbeFailure().orElseThrow().permanent()).isTrue();
  }

  @Test
  void probe_tokenPutHangsWhileGetsAnswer401_diagnosesTheHopLimit() throws Exception {
    start("ec2/basic");
    MetadataClient impatient = TestSources.impatientClient();
    Ec2MetadataDatasource ds = new Ec2MetadataDatasource(impatient, imds.baseUri());
    imds.fault(TOKEN, Fault.hang());
    String reason = probeFailure(ds);
    assertThat(reason)
        .contains("failed to get an IMDSv2 token")
        .contains("no answer within")
        .contains(
            "the PUT response did not reach the instance; check the instance's metadata hop limit");
    assertThat(ds.lastProbeFailure().orElseThrow().permanent()).isTrue();
    impatient.close();
  }

  @Test
  void probe_tokenPutHangsWithoutThe401Symptom_isATransientTimeout() throws Exception {
    start("ec2/basic");
    MetadataClient impatient = TestSources.impatientClient();
    Ec2MetadataDatasource ds = new Ec2MetadataDatasource(impatient, imds.baseUri());
    imds.allowImdsV1(true).fault(TOKEN, Fault.hang());
    String reason = probeFailure(ds);
    assertThat(reason).contains("no answer within").doesNotContain("hop limit");
    assertThat(ds.lastProbeFailure().orElseThrow().permanent()).isFalse();
    impatient.close();
  }

  @Test
  void probe_noImdsV1AndNoToken_isUnauthorized() throws Exception {
    Ec2MetadataDatasource ds = start("ec2/basic");
    imds.fault(TOKEN, Fault.status(404)); // token endpoint gone, IMDSv1 not allowed
    assertThat(probeFailure(ds)).contains("HTTP 401");
  }

  @Test
  void fetch_throttled429_isRetriedThenExplained() throws Exception {
    Ec2MetadataDatasource ds = start("ec2/basic");
    assertThat(ds.isAvailable(deadline())).isTrue();
    imds.fault("/latest/user-data", Fault.status(429));
    DatasourceException e =
        assertThrows(DatasourceException.class, () -> ds.fetchUserData(deadline()));
    assertThat(e.getMessage()).contains("HTTP 429").contains("IMDS throttled the requests");
    assertThat(imds.count("GET", "/latest/user-data")).isEqualTo(3);
  }

  @Test
  void fetch_serverError5xx_isRetriedThenExplained() throws Exception {
    Ec2MetadataDatasource ds = start("ec2/basic");
    assertThat(ds.isAvailable(deadline())).isTrue();
    imds.fault("/latest/meta-data/hostname", Fault.status(503));
    DatasourceException e =
        assertThrows(DatasourceException.class, () -> ds.fetchMetadata(deadline()));
    assertThat(e.getMessage())
        .startsWith("failed to fetch hostname:")
        .contains("HTTP 503 (the service is failing; gave up after 3 attempts)");
  }

  @Test
  void probe_5xx_isTransient() throws Exception {
    Ec2MetadataDatasource ds = start("ec2/basic");
    imds.fault("/latest/meta-data/instance-id", Fault.status(500));
    probeFailure(ds);
    assertThat(ds.lastProbeFailure().orElseThrow().permanent()).isFalse();
  }

  @Test
  void fetch_emptyPublicKeyIndex_hasNoKeys() throws Exception {
    Ec2MetadataDatasource ds = start("ec2/basic");
    assertThat(ds.isAvailable(deadline())).isTrue();
    imds.fault("/latest/meta-data/public-keys", Fault.status(200)); // an empty body
    assertThat(ds.fetchMetadata(deadline()).sshPublicKeys()).isEmpty();
  }

  @Test
  void fetch_malformedPublicKeyIndex_failsNamingTheLine() throws Exception {
    Ec2MetadataDatasource ds = start("ec2/malformed-keys");
    assertThat(ds.isAvailable(deadline())).isTrue();
    DatasourceException e =
        assertThrows(DatasourceException.class, () -> ds.fetchMetadata(deadline()));
    assertThat(e.getMessage())
        .isEqualTo("failed to read public-keys: malformed line \"my-key-without-index\"");
  }

  @Test
  void probe_connectionRefused_isTransient() throws Exception {
    Ec2MetadataDatasource ds = start("ec2/basic");
    int port = imds.port();
    imds.close();
    imds = null;
    Ec2MetadataDatasource gone =
        new Ec2MetadataDatasource(client, java.net.URI.create("http://127.0.0.1:" + port + "/"));
    assertThat(gone.isAvailable(deadline())).isFalse();
    assertThat(gone.lastProbeFailure().orElseThrow().permanent()).isFalse();
    assertThat(ds.type()).isEqualTo("ec2-metadata");
  }
}
