package dev.kindling.datasource;

import static dev.kindling.datasource.TestSources.deadline;
import static dev.kindling.datasource.TestSources.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kindling.datasource.digitalocean.DigitalOceanMetadataDatasource;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.datasource.packet.PacketMetadataDatasource;
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
class DigitalOceanAndPacketDatasourceTest {
  private final MetadataClient client = TestSources.client();
  private MetadataEmulator server;

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void digitalOcean_basic_readsV1Json() throws Exception {
    server = TestSources.emulator(Flavor.DIGITALOCEAN, "digitalocean/basic");
    DigitalOceanMetadataDatasource ds =
        new DigitalOceanMetadataDatasource(client, server.baseUri());
    assertThat(ds.isAvailable(deadline())).isTrue();
    assertThat(text(ds.fetchUserData(deadline())))
        .isEqualTo("#cloud-config\nhostname: do-user-data\n");
    Metadata m = ds.fetchMetadata(deadline());
    assertThat(m)
        .isEqualTo(
            new Metadata(
                Optional.of("2756294"),
                Optional.of("sample-droplet"),
                Optional.of("104.131.20.105"),
                Optional.of("10.132.255.113"),
                Optional.of("2604:a880:800:10::17d:2001"),
                Optional.empty(),
                Map.of(
                    "0", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDOKey0 do@0",
                    "1", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDOKey1 do@1"),
                Optional.empty()));
    assertThat(server.count("GET", "/metadata/v1.json")).isEqualTo(1); // probe body reused
  }

  @Test
  void digitalOcean_noUserData_isEmpty() throws Exception {
    server = TestSources.emulator(Flavor.DIGITALOCEAN, "digitalocean/no-user-data");
    DigitalOceanMetadataDatasource ds =
        new DigitalOceanMetadataDatasource(client, server.baseUri());
    assertThat(ds.isAvailable(deadline())).isTrue();
    assertThat(ds.fetchUserData(deadline())).isEmpty();
    assertThat(ds.fetchMetadata(deadline()).hostname()).contains("bare");
  }

  @Test
  void digitalOcean_truncatedJson_failsToParse() throws Exception {
    server = TestSources.emulator(Flavor.DIGITALOCEAN, "digitalocean/basic");
    server.fault("/metadata/v1.json", Fault.truncate());
    DigitalOceanMetadataDatasource ds =
        new DigitalOceanMetadataDatasource(client, server.baseUri());
    assertThat(ds.isAvailable(deadline())).isFalse();
    assertThat(ds.lastProbeFailure().orElseThrow().permanent()).isFalse();
    DatasourceException e =
        assertThrows(DatasourceException.class, () -> ds.fetchMetadata(deadline()));
    assertThat(e.getMessage())
        .startsWith("failed to fetch metadata/v1.json:")
        .contains("connection failed");
  }

  @Test
  void packet_basic_readsAddressesKeysAndRawNetwork() throws Exception {
    server = TestSources.emulator(Flavor.PACKET, "packet/basic");
    PacketMetadataDatasource ds = new PacketMetadataDatasource(client, server.baseUri());
    assertThat(ds.isAvailable(deadline())).isTrue();
    assertThat(text(ds.fetchUserData(deadline())))
        .isEqualTo("#cloud-config\nhostname: packet-user-data\n");
    Metadata m = ds.fetchMetadata(deadline());
    assertThat(m.instanceId()).contains("2b8e1a7e-2f3c-4f6b-9a3c-0e1f2d3c4b5a");
    assertThat(m.hostname()).contains("packet-node");
    assertThat(m.publicIpv4()).contains("147.75.0.10");
    assertThat(m.privateIpv4()).contains("10.99.0.3");
    assertThat(m.publicIpv6()).contains("2604:1380::11");
    assertThat(m.sshPublicKeys())
        .containsExactly(Map.entry("0", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPacketKey0 p@0"));
    assertThat(m.networkConfig().orElseThrow().format()).isEqualTo("packet");
    assertThat(m.networkConfig().orElseThrow().content()).startsWith("{\"bonding\":{\"mode\":4}");
  }

  @Test
  void packet_noUserData_isEmpty() throws Exception {
    server = TestSources.emulator(Flavor.PACKET, "packet/basic");
    server.fault("/userdata", Fault.status(404));
    PacketMetadataDatasource ds = new PacketMetadataDatasource(client, server.baseUri());
    assertThat(ds.fetchUserData(deadline())).isEmpty();
  }
}
