package dev.kindling.datasource.cloudsigma;

import static dev.kindling.datasource.Fixtures.deadline;
import static dev.kindling.datasource.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.Deadline;
import dev.kindling.datasource.LocalInterfaces;
import dev.kindling.metadata.Metadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudSigmaDatasourceTest {
  private static final LocalInterfaces VLAN_NIC =
      mac -> mac.equals("22:aa:bb:cc:dd:ee") ? Optional.of("10.0.0.5") : Optional.empty();

  @TempDir Path root;

  private CloudSigmaDatasource sigma(FakeServerContext server) {
    return new CloudSigmaDatasource(server, root, VLAN_NIC);
  }

  @Test
  void fetch_serverContext_metadataAndBase64UserData() throws Exception {
    FakeServerContext server = FakeServerContext.fromFixture("happy");
    CloudSigmaDatasource source = sigma(server);

    assertThat(source.type()).isEqualTo("cloudsigma-metadata");
    assertThat(utf8(source.fetchUserData(deadline())))
        .contains("#cloud-config\nhostname: from-cloudsigma\n");
    assertThat(source.fetchMetadata(deadline()))
        .isEqualTo(
            new Metadata(
                Optional.of("20a0059b-041e-4d0c-bcc6-9b2852de48b3"),
                Optional.of("kindling-sigma"),
                Optional.of("31.171.251.74"),
                Optional.of("10.0.0.5"),
                Optional.empty(),
                Optional.empty(),
                Map.of("john@doe", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABKindlingSigmaKey john@doe"),
                Optional.empty()));
    assertThat(server.requests()).containsExactly("<\n/meta/\n>", "<\n\n>");
    assertThat(server.allClosed()).isTrue();
  }

  @Test
  void fetchUserData_notListedInBase64Fields_isTakenAsIs() throws Exception {
    assertThat(
            utf8(sigma(FakeServerContext.fromFixture("plain-user-data")).fetchUserData(deadline())))
        .contains("#cloud-config\nhostname: plain\n");
  }

  @Test
  void fetch_noNameNoUserData_hostnameIsUuidAndUserDataEmpty() throws Exception {
    CloudSigmaDatasource source = sigma(FakeServerContext.fromFixture("no-name"));

    assertThat(source.fetchUserData(deadline())).isEmpty();
    Metadata metadata = source.fetchMetadata(deadline());
    assertThat(metadata.hostname()).contains("20a0059b-041e-4d0c-bcc6-9b2852de48b3");
    assertThat(metadata.publicIpv4()).isEmpty(); // a DHCP NIC names no address
    assertThat(metadata.sshPublicKeys()).isEmpty();
  }

  @Test
  void fetchUserData_listedAsBase64ButNotBase64_saysSo() {
    assertThatThrownBy(
            () -> sigma(FakeServerContext.fromFixture("bad-base64")).fetchUserData(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessage(
            "failed to decode meta.cloudinit-user-data (listed in base64_fields): not valid"
                + " base64");
  }

  @Test
  void fetchMetadata_malformedJson_namesTheServerContext() {
    assertThatThrownBy(
            () -> sigma(FakeServerContext.fromFixture("malformed")).fetchMetadata(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessageStartingWith("failed to parse the server context: line 2, column 1: ");
  }

  @Test
  void fetchMetadata_publicIpNotAnAddress_namesTheNic() {
    assertThatThrownBy(
            () -> sigma(FakeServerContext.fromFixture("bad-ip")).fetchMetadata(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessage(
            "failed to read the server context nics[0]: ip_v4_conf.ip.uuid is not an IPv4"
                + " address: not-an-ip");
  }

  @Test
  void fetchMetadata_noAnswer_failsAtTheDeadline() throws Exception {
    FakeServerContext server = FakeServerContext.fromFixture("happy").silent();

    assertThatThrownBy(() -> sigma(server).fetchMetadata(Deadline.in(Duration.ofMillis(300))))
        .isInstanceOf(DatasourceException.class)
        .hasMessage(
            "failed to read the CloudSigma server context (key \"\"): no complete answer before"
                + " the deadline");
    assertThat(server.allClosed()).isTrue();
  }

  @Test
  void fetchMetadata_staleBytesOnTheLine_areDiscarded() throws Exception {
    FakeServerContext server =
        FakeServerContext.fromFixture("happy").withStaleBytes("{\"name\": \"stale\"}\u0004");

    assertThat(sigma(server).fetchMetadata(deadline()).hostname()).contains("kindling-sigma");
  }

  @Test
  void fetch_portCannotOpen_saysWhichPort() {
    ServerContextPort broken =
        new ServerContextPort() {
          @Override
          public Streams open(Deadline deadline) throws IOException {
            throw new IOException("/dev/ttyS1: permission denied");
          }

          @Override
          public String toString() {
            return "/dev/ttyS1";
          }
        };

    assertThatThrownBy(
            () -> new CloudSigmaDatasource(broken, root, VLAN_NIC).fetchMetadata(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessage(
            "failed to query the CloudSigma server context on /dev/ttyS1: /dev/ttyS1: permission"
                + " denied");
  }

  @Test
  void isAvailable_productNameCloudSigma_true() throws Exception {
    writeProductName("CloudSigma\n");

    assertThat(sigma(new FakeServerContext()).isAvailable(deadline())).isTrue();
    assertThat(sigma(new FakeServerContext()).availabilityChanges()).isTrue();
  }

  @Test
  void isAvailable_otherProduct_false() throws Exception {
    writeProductName("Standard PC (Q35 + ICH9, 2009)\n");

    assertThat(sigma(new FakeServerContext()).isAvailable(deadline())).isFalse();
  }

  @Test
  void isAvailable_noDmi_false() throws Exception {
    assertThat(sigma(new FakeServerContext()).isAvailable(deadline())).isFalse();
  }

  private void writeProductName(String name) throws IOException {
    Path file = root.resolve("sys/class/dmi/id/product_name");
    Files.createDirectories(file.getParent());
    Files.writeString(file, name);
  }
}
