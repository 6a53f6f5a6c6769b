package dev.kindling.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.config.EnvSection;
import dev.kindling.config.ServiceTables;
import dev.kindling.config.Unit;
import dev.kindling.metadata.Metadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The generated files (per component) against upstream's goldens: flannel_test.go, oem_test.go,
 * update_test.go (units per strategy), plus the metadata env file.
 */
class GeneratedFilesTest {
  private static EnvSection section(dev.kindling.config.StructSchema table, String... keyValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put(keyValues[i], keyValues[i + 1]);
    }
    return new EnvSection(table, values);
  }

  @Test
  void flannel_upstreamGolden_plusFinalNewline() {
    // flannel_test.go, with the final newline the original lacked.
    EnvSection flannel =
        section(
            ServiceTables.FLANNEL,
            "etcd_endpoints",
            "http://12.34.56.78:4001",
            "etcd_prefix",
            "/coreos.com/network/tenant1");
    assertThat(FlannelEnvFile.render(flannel))
        .contains(
            "FLANNELD_ETCD_ENDPOINTS=http://12.34.56.78:4001\n"
                + "FLANNELD_ETCD_PREFIX=/coreos.com/network/tenant1\n");
  }

  @Test
  void flannel_interface_isIface() {
    assertThat(FlannelEnvFile.render(section(ServiceTables.FLANNEL, "interface", "eth1")))
        .contains("FLANNELD_IFACE=eth1\n");
  }

  @Test
  void flannel_valueSystemdWouldChange_doubleQuotedAndEscaped() {
    // systemd's EnvironmentFile= drops backslashes and outer blanks of unquoted values; these
    // quoted forms read back exactly (checked against systemd 252 in the VM e2e stage).
    assertThat(FlannelEnvFile.value("x\\y \"z\" $HOME 50% 'q'"))
        .isEqualTo("\"x\\\\y \\\"z\\\" \\$HOME 50% 'q'\"");
    assertThat(FlannelEnvFile.value(" padded ")).isEqualTo("\" padded \"");
    assertThat(FlannelEnvFile.value("'quoted'")).isEqualTo("\"'quoted'\"");
    assertThat(FlannelEnvFile.value("a`b\\")).isEqualTo("\"a\\`b\\\\\"");
  }

  @Test
  void flannel_plainValues_writtenRawAsUpstream() {
    for (String value :
        List.of("http://10.0.0.1:2379", "/coreos.com/network", "a \"b\" $c 5%", "")) {
      assertThat(FlannelEnvFile.value(value)).isEqualTo(value);
    }
  }

  @Test
  void flannel_nothingSet_noFile() {
    assertThat(FlannelEnvFile.render(EnvSection.empty(ServiceTables.FLANNEL))).isEmpty();
  }

  @Test
  void oem_upstreamGolden_exactText() {
    EnvSection oem =
        section(
            ServiceTables.OEM,
            "id",
            "rackspace",
            "name",
            "Rackspace Cloud Servers",
            "version_id",
            "168.0.0",
            "home_url",
            "https://www.rackspace.com/cloud/servers/",
            "bug_report_url",
            "https://github.com/coreos/coreos-overlay");
    assertThat(OemRelease.render(oem))
        .contains(
            "ID=rackspace\nVERSION_ID=168.0.0\nNAME=\"Rackspace Cloud Servers\"\n"
                + "HOME_URL=\"https://www.rackspace.com/cloud/servers/\"\n"
                + "BUG_REPORT_URL=\"https://github.com/coreos/coreos-overlay\"\n");
  }

  @Test
  void oem_emptyFields_stillQuoted() {
    assertThat(OemRelease.render(section(ServiceTables.OEM, "id", "x")))
        .contains("ID=x\nVERSION_ID=\nNAME=\"\"\nHOME_URL=\"\"\nBUG_REPORT_URL=\"\"\n");
  }

  @Test
  void oem_noId_noFile() {
    assertThat(OemRelease.render(section(ServiceTables.OEM, "name", "n"))).isEmpty();
  }

  @Test
  void update_strategyOff_masksAndStopsLocksmith() {
    List<Unit> units =
        UpdateSettings.units(section(ServiceTables.UPDATE, "reboot_strategy", "off"));
    assertThat(units)
        .containsExactly(new Unit("locksmithd.service", true, false, true, "", "stop", List.of()));
  }

  @Test
  void update_strategyReboot_restartsLocksmith() {
    assertThat(UpdateSettings.units(section(ServiceTables.UPDATE, "reboot_strategy", "reboot")))
        .containsExactly(
            new Unit("locksmithd.service", false, false, true, "", "restart", List.of()));
  }

  @Test
  void update_groupOrServer_restartsUpdateEngine() {
    Unit engine = new Unit("update-engine.service", false, false, false, "", "restart", List.of());
    assertThat(UpdateSettings.units(section(ServiceTables.UPDATE, "group", "master")))
        .containsExactly(engine);
    assertThat(UpdateSettings.units(section(ServiceTables.UPDATE, "server", "http://foo.com")))
        .containsExactly(engine);
  }

  @Test
  void update_nothingSet_noUnitsNoVariables() {
    EnvSection update = EnvSection.empty(ServiceTables.UPDATE);
    assertThat(UpdateSettings.units(update)).isEmpty();
    assertThat(UpdateSettings.variables(update)).isEmpty();
  }

  @Test
  void update_variables_tableOrderSetOnly() {
    EnvSection update =
        section(ServiceTables.UPDATE, "server", "http://foo.com", "group", "master");
    assertThat(UpdateSettings.variables(update))
        .containsExactly(Map.entry("GROUP", "master"), Map.entry("SERVER", "http://foo.com"));
  }

  @Test
  void metadataEnvFile_ec2_sortedAfterburnStyle() {
    Metadata metadata =
        new Metadata(
            Optional.of("i-0abc"),
            Optional.of("ip-10-0-0-5.ec2.internal"),
            Optional.of("203.0.113.7"),
            Optional.of("10.0.0.5"),
            Optional.empty(),
            Optional.of("fd00::5"),
            Map.of(),
            Optional.empty());
    assertThat(MetadataEnvFile.render(metadata, "ec2-metadata"))
        .contains(
            "KINDLING_EC2_HOSTNAME=ip-10-0-0-5.ec2.internal\n"
                + "KINDLING_EC2_INSTANCE_ID=i-0abc\n"
                + "KINDLING_EC2_IPV4_PRIVATE=10.0.0.5\n"
                + "KINDLING_EC2_IPV4_PUBLIC=203.0.113.7\n"
                + "KINDLING_EC2_IPV6_PRIVATE=fd00::5\n");
  }

  @Test
  void metadataEnvFile_noValues_noFile() {
    assertThat(MetadataEnvFile.render(Metadata.empty(), "local-file")).isEmpty();
  }

  @Test
  void metadataEnvFile_platformNames() {
    assertThat(MetadataEnvFile.platform("gce-metadata")).isEqualTo("GCE");
    assertThat(MetadataEnvFile.platform("waagent")).isEqualTo("AZURE");
    assertThat(MetadataEnvFile.platform("my-cloud.v2")).isEqualTo("MY_CLOUD_V2");
    assertThat(MetadataEnvFile.platform("")).isEqualTo("CUSTOM");
  }

  @Test
  void etcHosts_upstreamGolden_plannedOrCurrentHostname() {
    // etc_hosts_test.go: "127.0.0.1 <hostname>\n"
    assertThat(new WriteEtcHosts("/etc/hosts", "web1").content("ignored"))
        .isEqualTo("127.0.0.1 web1\n");
    assertThat(new WriteEtcHosts("/etc/hosts", "").content("current-host"))
        .isEqualTo("127.0.0.1 current-host\n");
  }
}
