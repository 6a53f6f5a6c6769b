package dev.kindling.datasource.configdrive;

import static dev.kindling.datasource.Fixtures.deadline;
import static dev.kindling.datasource.Fixtures.path;
import static dev.kindling.datasource.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.Fixtures;
import dev.kindling.metadata.Metadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDriveDatasourceTest {
  private static ConfigDriveDatasource drive(String fixture) {
    return new ConfigDriveDatasource(path("configdrive/" + fixture));
  }

  @Test
  void fetch_openStackLatest_userDataKeysHostnameAndDebianNetwork() throws Exception {
    ConfigDriveDatasource source = drive("openstack-latest");

    assertThat(source.type()).isEqualTo("configdrive");
    assertThat(source.isAvailable(deadline())).isTrue();
    assertThat(utf8(source.fetchUserData(deadline())))
        .contains("#cloud-config\nhostname: from-drive\n");
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("mykey", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKindlingTestKeyOne mykey");
    keys.put("other", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQKindlingTestKeyTwo other");
    assertThat(source.fetchMetadata(deadline()))
        .isEqualTo(
            new Metadata(
                Optional.of("b0fa911b-69d4-4476-bbe2-1c92bff6535c"),
                Optional.of("node1.novalocal"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                keys,
                Optional.of(
                    new Metadata.NetworkConfig(
                        "debian",
                        Fixtures.text("configdrive/openstack-latest/openstack/content/0000")))));
    assertThat(source.fetchMetadata(deadline()).sshPublicKeys().keySet())
        .containsExactly("mykey", "other");
  }

  @Test
  void fetchMetadata_networkDataOnly_isOpenStackNetworkConfig() throws Exception {
    Metadata metadata = drive("network-data").fetchMetadata(deadline());

    assertThat(metadata.instanceId()).contains("1e9c5bd4-4d38-4b0a-9a43-7e3f2a1c0d11");
    assertThat(metadata.hostname()).contains("nd");
    assertThat(metadata.networkConfig())
        .contains(
            new Metadata.NetworkConfig(
                "openstack",
                Fixtures.text("configdrive/network-data/openstack/latest/network_data.json")));
  }

  @Test
  void fetch_noLatest_usesNewestDatedVersion() throws Exception {
    ConfigDriveDatasource source = drive("dated-versions");

    assertThat(utf8(source.fetchUserData(deadline()))).contains("#cloud-config\nhostname: new\n");
    assertThat(source.fetchMetadata(deadline()).instanceId()).contains("dated");
  }

  @Test
  void fetch_ec2TreeOnly_readsUserDataAndMetaDataJson() throws Exception {
    ConfigDriveDatasource source = drive("ec2-only");

    assertThat(utf8(source.fetchUserData(deadline()))).contains("#!/bin/sh\necho ec2\n");
    assertThat(source.fetchMetadata(deadline()))
        .isEqualTo(
            new Metadata(
                Optional.of("i-00000001"),
                Optional.of("sm-foo-test.novalocal"),
                Optional.empty(),
                Optional.of("10.0.0.5"),
                Optional.empty(),
                Optional.empty(),
                Map.of("0", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABKindlingEc2Key ec2key"),
                Optional.empty()));
  }

  @Test
  void fetchUserData_noUserDataFile_isEmpty() throws Exception {
    ConfigDriveDatasource source = drive("no-user-data");

    assertThat(source.fetchUserData(deadline())).isEmpty();
    assertThat(source.fetchMetadata(deadline()).hostname()).contains("quiet");
  }

  @Test
  void fetch_driveWithoutTrees_isEmptyEverything() throws Exception {
    ConfigDriveDatasource source = drive("empty-drive");

    assertThat(source.fetchUserData(deadline())).isEmpty();
    assertThat(source.fetchMetadata(deadline())).isEqualTo(Metadata.empty());
  }

  @Test
  void fetchMetadata_missingContentPathFile_hasNoNetworkConfig() throws Exception {
    Metadata metadata = drive("missing-content").fetchMetadata(deadline());

    assertThat(metadata.instanceId()).contains("mc");
    assertThat(metadata.networkConfig()).isEmpty();
  }

  @Test
  void isAvailable_missingDirectory_falseButMayChange(@TempDir Path tmp) throws Exception {
    ConfigDriveDatasource source = new ConfigDriveDatasource(tmp.resolve("media/configdrive"));

    assertThat(source.isAvailable(deadline())).isFalse();
    assertThat(source.availabilityChanges()).isTrue();
    assertThat(source.fetchUserData(deadline())).isEmpty();
  }

  @Test
  void fetchMetadata_malformedJson_namesFileLineAndProblem() {
    Path file = path("configdrive/malformed-meta/openstack/latest/meta_data.json");

    assertThatThrownBy(() -> drive("malformed-meta").fetchMetadata(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessageStartingWith("failed to parse " + file + ": line 4, column 1: ")
        .hasMessageContaining("double-quote to start field name");
  }

  @Test
  void fetchUserData_malformedMetadata_stillDelivered() throws Exception {
    assertThat(utf8(drive("malformed-meta").fetchUserData(deadline()))).contains("#cloud-config\n");
  }

  @Test
  void fetchMetadata_publicKeysNotAnObject_namesTheField() {
    assertThatThrownBy(() -> drive("wrong-types").fetchMetadata(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessageEndingWith("meta_data.json: \"public_keys\" must be an object, found an array");
  }

  @Test
  void fetchMetadata_hostnameNotAString_namesTheField() {
    assertThatThrownBy(() -> drive("wrong-hostname").fetchMetadata(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessageEndingWith("meta_data.json: \"hostname\" must be a string, found a number");
  }

  @Test
  void fetchMetadata_notAnObject_saysWhatWasFound() {
    assertThatThrownBy(() -> drive("not-an-object").fetchMetadata(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessageEndingWith("meta_data.json: want a JSON object, found an array");
  }

  @Test
  void fetchMetadata_contentPathLeavingTheDrive_isRefused() {
    assertThatThrownBy(() -> drive("traversal").fetchMetadata(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessage(
            "failed to read network config: content_path \"/../../../../etc/passwd\" leads out"
                + " of the config-drive");
  }

  @Test
  void fetchMetadata_malformedNetworkData_namesTheFile() {
    assertThatThrownBy(() -> drive("malformed-network-data").fetchMetadata(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessageStartingWith(
            "failed to parse "
                + path("configdrive/malformed-network-data/openstack/latest/network_data.json"));
  }

  @Test
  void fetchUserData_symlinkOutOfTheDrive_isRefused(@TempDir Path tmp) throws Exception {
    Path secret = Files.writeString(tmp.resolve("secret"), "root:x:0:0");
    Path root = tmp.resolve("drive");
    Files.createDirectories(root.resolve("openstack/latest"));
    Files.createSymbolicLink(root.resolve("openstack/latest/user_data"), secret);

    assertThatThrownBy(() -> new ConfigDriveDatasource(root).fetchUserData(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessageEndingWith("user_data: it is a link that leads out of the config-drive");
  }

  @Test
  void fetchUserData_symlinkInsideTheDrive_isFollowed(@TempDir Path tmp) throws Exception {
    Path root = tmp.resolve("drive");
    Files.createDirectories(root.resolve("openstack/2018-08-27"));
    Files.writeString(root.resolve("openstack/2018-08-27/user_data"), "#cloud-config\n");
    Files.createSymbolicLink(root.resolve("openstack/latest"), Path.of("2018-08-27"));

    assertThat(utf8(new ConfigDriveDatasource(root).fetchUserData(deadline())))
        .contains("#cloud-config\n");
  }

  @Test
  void fetchUserData_userDataIsADirectory_saysSo(@TempDir Path tmp) throws Exception {
    Files.createDirectories(tmp.resolve("openstack/latest/user_data"));

    assertThatThrownBy(() -> new ConfigDriveDatasource(tmp).fetchUserData(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessageContaining("user_data: ")
        .hasMessageContaining("directory");
  }
}
