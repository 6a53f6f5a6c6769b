package dev.kindling.datasource.azure;

import static dev.kindling.datasource.Fixtures.deadline;
import static dev.kindling.datasource.Fixtures.path;
import static dev.kindling.datasource.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.datasource.DatasourceException;
import dev.kindling.metadata.Metadata;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WaagentDatasourceTest {
  private static final String CLOUD_CONFIG = "#cloud-config\nhostname: from-azure\n";

  private static WaagentDatasource waagent(String fixture) {
    return new WaagentDatasource(path("waagent/" + fixture));
  }

  @Test
  void fetch_provisionedDirectory_customDataAddressesHostnameAndKeys() throws Exception {
    WaagentDatasource source = waagent("classic");

    assertThat(source.type()).isEqualTo("waagent");
    assertThat(source.isAvailable(deadline())).isTrue();
    assertThat(utf8(source.fetchUserData(deadline()))).contains(CLOUD_CONFIG);
    assertThat(source.fetchMetadata(deadline()))
        .isEqualTo(
            new Metadata(
                Optional.empty(),
                Optional.of("kindling-vm"),
                Optional.of("203.0.113.77"),
                Optional.of("10.0.0.4"),
                Optional.empty(),
                Optional.empty(),
                Map.of(
                    "EB0C0AB4B2D5FC35F2F0658D19F44C8283E2DD62",
                    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABKindlingAzureKey azure"),
                Optional.empty()));
  }

  @Test
  void fetchUserData_customDataFileInBase64_isDecoded() throws Exception {
    assertThat(utf8(waagent("base64-customdata").fetchUserData(deadline()))).contains(CLOUD_CONFIG);
  }

  @Test
  void fetchUserData_onlyOvfEnvCustomData_isDecodedFromIt() throws Exception {
    WaagentDatasource source = waagent("ovf-customdata");

    assertThat(utf8(source.fetchUserData(deadline()))).contains(CLOUD_CONFIG);
    assertThat(source.fetchMetadata(deadline()).hostname()).contains("kindling-vm");
    assertThat(source.fetchMetadata(deadline()).privateIpv4()).isEmpty();
  }

  @Test
  void fetchUserData_noCustomDataAnywhere_isEmpty() throws Exception {
    WaagentDatasource source = waagent("no-user-data");

    assertThat(source.fetchUserData(deadline())).isEmpty();
    assertThat(source.fetchMetadata(deadline()).privateIpv4()).contains("10.0.0.4");
  }

  @Test
  void isAvailable_notProvisioned_falseButMayChange() throws Exception {
    WaagentDatasource source = waagent("not-provisioned");

    assertThat(source.isAvailable(deadline())).isFalse();
    assertThat(source.availabilityChanges()).isTrue();
  }

  @Test
  void fetchMetadata_malformedSharedConfig_namesFileAndLine() {
    assertThatThrownBy(() -> waagent("malformed-sharedconfig").fetchMetadata(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessageStartingWith(
            "failed to parse "
                + path("waagent/malformed-sharedconfig/SharedConfig.xml")
                + ": line 3");
  }

  @Test
  void fetchMetadata_doctypeWithExternalEntity_isRefusedWithoutReadingIt() {
    assertThatThrownBy(() -> waagent("xxe").fetchMetadata(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessageStartingWith("failed to parse " + path("waagent/xxe/ovf-env.xml") + ": line 2")
        .hasMessageContaining("DOCTYPE");
    assertThatThrownBy(() -> waagent("xxe").fetchUserData(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void fetchUserData_customDataNotBase64_saysSo() {
    assertThatThrownBy(() -> waagent("bad-customdata").fetchUserData(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessage(
            "failed to decode "
                + path("waagent/bad-customdata/ovf-env.xml")
                + " <CustomData>: not valid base64");
  }

  @Test
  void fetchMetadata_instanceAddressNotIpv4_namesInstanceAndValue() {
    assertThatThrownBy(() -> waagent("bad-address").fetchMetadata(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessageEndingWith(
            "SharedConfig.xml: instance \"kindling-test_IN_1\" address is not an IPv4 address:"
                + " ten.0.0.4");
  }

  @Test
  void fetchMetadata_otherXmlDocument_namesTheRootElement() {
    assertThatThrownBy(() -> waagent("wrong-root").fetchMetadata(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessageEndingWith("the root element is <GoalState>, want <SharedConfig>");
  }
}
