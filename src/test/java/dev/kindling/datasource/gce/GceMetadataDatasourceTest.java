package dev.kindling.datasource.gce;

import static dev.kindling.datasource.TestSources.deadline;
import static dev.kindling.datasource.TestSources.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.ProbeFailure;
import dev.kindling.datasource.TestSources;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.metadata.Metadata;
import dev.kindling.testing.Fault;
import dev.kindling.testing.MetadataEmulator;
import dev.kindling.testing.MetadataEmulator.Flavor;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class GceMetadataDatasourceTest {
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);
  private static final String V1 = "/computeMetadata/v1/";
  private final MetadataClient client = TestSources.client();
  private MetadataEmulator gce;

  @AfterEach
  void stop() {
    client.close();
    gce.close();
  }

  private GceMetadataDatasource start(String fixture) throws Exception {
    gce = TestSources.emulator(Flavor.GCE, fixture);
    return new GceMetadataDatasource(client, gce.baseUri(), NOW);
  }

  @Test
  void fetch_basic_readsUserDataAddressesAndUnexpiredKeys() throws Exception {
    GceMetadataDatasource ds = start("gce/basic");
    assertThat(ds.isAvailable(deadline())).isTrue();
    assertThat(text(ds.fetchUserData(deadline())))
        .isEqualTo("#cloud-config\nhostname: gce-user-data\n");
    Metadata m = ds.fetchMetadata(deadline());
    assertThat(m.instanceId()).contains("4520031799277581759");
    assertThat(m.hostname()).contains("node1.c.my-project.internal");
    assertThat(m.privateIpv4()).contains("10.128.0.2");
    assertThat(m.publicIpv4()).contains("34.68.194.64");
    assertThat(m.sshPublicKeys().keySet())
        .containsExactly("alice", "carol", "alice-2", "projectuser");
    assertThat(m.sshPublicKeys().get("alice-2"))
        .isEqualTo("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAliceSecond alice@desktop");
    assertThat(gce.requests())
        .allSatisfy(r -> assertThat(r.headers()).containsEntry("metadata-flavor", "Google"));
  }

  @Test
  void fetch_base64UserDataAndBlockedProjectKeys() throws Exception {
    GceMetadataDatasource ds = start("gce/base64");
    assertThat(ds.isAvailable(deadline())).isTrue();
    assertThat(text(ds.fetchUserData(deadline()))).isEqualTo("#cloud-config\nhostname: decoded\n");
    Metadata m = ds.fetchMetadata(deadline());
    assertThat(m.sshPublicKeys().keySet()).containsExactly("dave");
    assertThat(m.publicIpv4()).isEmpty();
  }

  @Test
  void fetch_noUserData_isEmpty() throws Exception {
    GceMetadataDatasource ds = start("gce/minimal");
    assertThat(ds.isAvailable(deadline())).isTrue();
    assertThat(ds.fetchUserData(deadline())).isEmpty();
    assertThat(ds.fetchMetadata(deadline()).sshPublicKeys()).isEmpty();
  }

  @Test
  void probe_responseWithoutFlavorHeader_isNotGce() throws Exception {
    GceMetadataDatasource ds = start("gce/basic");
    gce.fault(V1 + "instance/id", Fault.noFlavorHeader());
    assertThat(ds.isAvailable(deadline())).isFalse();
    ProbeFailure f = ds.lastProbeFailure().orElseThrow();
    assertThat(f.reason())
        .contains("lacks the header \"Metadata-Flavor: Google\"")
        .contains("not a GCE metadata server");
    assertThat(f.permanent()).isTrue();
  }

  @Test
  void fetch_anyResponseWithoutFlavorHeader_fails() throws Exception {
    GceMetadataDatasource ds = start("gce/basic");
    assertThat(ds.isAvailable(deadline())).isTrue();
    gce.fault(V1 + "instance/hostname", Fault.noFlavorHeader());
    DatasourceException e =
        assertThrows(DatasourceException.class, () -> ds.fetchMetadata(deadline()));
    assertThat(e.getMessage())
        .startsWith("failed to fetch instance/hostname:")
        .contains("not a GCE metadata server");
  }

  @Test
  void fetch_403_and_429_areExplained() throws Exception {
    GceMetadataDatasource ds = start("gce/basic");
    gce.fault(V1 + "instance/attributes/user-data", Fault.status(403));
    assertThat(
            assertThrows(DatasourceException.class, () -> ds.fetchUserData(deadline()))
                .getMessage())
        .contains("HTTP 403 (the metadata server refused: endpoint disabled or security check)");
    gce.fault(V1 + "instance/id", Fault.status(429));
    assertThat(
            assertThrows(DatasourceException.class, () -> ds.fetchMetadata(deadline()))
                .getMessage())
        .contains("HTTP 429 (the metadata server throttled the requests)");
  }

  @Test
  void probe_anEc2ServiceIsNotGce() throws Exception {
    gce = TestSources.emulator(Flavor.EC2, "ec2/basic");
    GceMetadataDatasource ds = new GceMetadataDatasource(client, gce.baseUri(), NOW);
    assertThat(ds.isAvailable(deadline())).isFalse();
    assertThat(ds.lastProbeFailure().orElseThrow().permanent()).isTrue();
  }
}
