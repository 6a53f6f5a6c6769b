package dev.kindling.datasource.openstack;

import static dev.kindling.datasource.TestSources.deadline;
import static dev.kindling.datasource.TestSources.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.TestSources;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.metadata.Metadata;
import dev.kindling.testing.Fault;
import dev.kindling.testing.MetadataEmulator;
import dev.kindling.testing.MetadataEmulator.Flavor;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class OpenStackMetadataDatasourceTest {
  private final MetadataClient client = TestSources.client();
  private MetadataEmulator nova;

  @AfterEach
  void stop() {
    client.close();
    nova.close();
  }

  private OpenStackMetadataDatasource start(String fixture) throws Exception {
    nova = TestSources.emulator(Flavor.OPENSTACK, fixture);
    return new OpenStackMetadataDatasource(client, nova.baseUri());
  }

  @Test
  void fetch_usesTheNewestListedVersion() throws Exception {
    OpenStackMetadataDatasource ds = start("openstack/basic");
    assertThat(ds.isAvailable(deadline())).isTrue();
    assertThat(text(ds.fetchUserData(deadline())))
        .isEqualTo("#cloud-config\nhostname: openstack-user-data\n");
    Metadata m = ds.fetchMetadata(deadline());
    assertThat(m.instanceId()).contains("83679162-1378-4288-a2d4-70e13ec132aa");
    assertThat(m.hostname()).contains("node-os.novalocal");
    assertThat(m.sshPublicKeys())
        .containsExactly(
            Map.entry("mykey", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOpenStackKey me@os"));
    assertThat(m.privateIpv4()).contains("10.0.0.21");
    assertThat(m.publicIpv4()).contains("198.51.100.21");
    assertThat(m.networkConfig().orElseThrow().format()).isEqualTo("openstack");
    assertThat(m.networkConfig().orElseThrow().content())
        .contains("\"ethernet_mac_address\": \"fa:16:3e:00:00:01\"");
    assertThat(nova.count("GET", "/openstack/latest/meta_data.json")).isZero();
  }

  @Test
  void fetch_newestVersionMissing_fallsBackToLatestWithoutUserData() throws Exception {
    OpenStackMetadataDatasource ds = start("openstack/fallback");
    assertThat(ds.isAvailable(deadline())).isTrue();
    assertThat(ds.fetchUserData(deadline())).isEmpty();
    Metadata m = ds.fetchMetadata(deadline());
    assertThat(m.instanceId()).contains("fallback-uuid");
    assertThat(m.networkConfig()).isEmpty();
    assertThat(m.privateIpv4()).isEmpty();
    assertThat(nova.count("GET", "/openstack/2030-01-01/meta_data.json")).isEqualTo(1);
  }

  @Test
  void probe_notOpenStack_isPermanent() throws Exception {
    OpenStackMetadataDatasource ds = start("digitalocean/basic");
    assertThat(ds.isAvailable(deadline())).isFalse();
    assertThat(ds.lastProbeFailure().orElseThrow().reason()).contains("HTTP 404");
    assertThat(ds.lastProbeFailure().orElseThrow().permanent()).isTrue();
  }

  @Test
  void fetch_ec2TreeFailing_isSkippedNotFatal() throws Exception {
    OpenStackMetadataDatasource ds = start("openstack/basic");
    nova.fault("/latest/meta-data/public-ipv4", Fault.status(500));
    assertThat(ds.isAvailable(deadline())).isTrue();
    assertThat(ds.fetchMetadata(deadline()).publicIpv4()).isEmpty();
  }

  @Test
  void fetch_metadataDocumentOfTheVersionCheck_readOnce() throws Exception {
    OpenStackMetadataDatasource ds = start("openstack/basic");
    assertThat(ds.isAvailable(deadline())).isTrue();
    ds.fetchUserData(deadline());
    assertThat(ds.fetchMetadata(deadline()).instanceId())
        .contains("83679162-1378-4288-a2d4-70e13ec132aa");
    assertThat(nova.count("GET", "/openstack/2018-08-27/meta_data.json")).isEqualTo(1);
    assertThat(nova.count("GET", "/openstack/2018-08-27/network_data.json")).isEqualTo(1);
  }

  @Test
  void fetch_networkDocumentFailing_failsWithItsReason() throws Exception {
    OpenStackMetadataDatasource ds = start("openstack/basic");
    nova.fault("/openstack/2018-08-27/network_data.json", Fault.status(403));
    assertThat(ds.isAvailable(deadline())).isTrue();
    assertThatThrownBy(() -> ds.fetchMetadata(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessageStartingWith("failed to fetch openstack/2018-08-27/network_data.json: ")
        .hasMessageContaining("HTTP 403");
  }

  @Test
  void fetch_metadataDocumentFailing_failsFirstAndEndsTheOtherRequests() throws Exception {
    OpenStackMetadataDatasource ds = start("openstack/fallback");
    nova.fault("/openstack/latest/meta_data.json", Fault.status(403));
    nova.fault("/openstack/latest/network_data.json", Fault.hang());
    nova.fault("/latest/meta-data/public-ipv4", Fault.hang());
    assertThat(ds.isAvailable(deadline())).isTrue();
    assertThatThrownBy(() -> ds.fetchMetadata(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessageStartingWith("failed to fetch openstack/latest/meta_data.json: ")
        .hasMessageContaining("HTTP 403");
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("kindling-metadata-item"));
  }
}
