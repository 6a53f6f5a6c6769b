package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kindling.testing.MetadataEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kindling render}: the plan on stdout, and with --root the materialised tree. */
class RenderCommandIT {
  @TempDir Path tmp;

  private Path userData(String text) throws IOException {
    return Files.writeString(tmp.resolve("user-data"), text);
  }

  @Test
  void render_withoutRoot_writesNothing() throws IOException {
    Path data = userData("#cloud-config\nhostname: node1\n");

    Cli.Run r = Cli.kindling("render", "--from-file", data.toString(), "--timeout", "2");

    assertThat(r.status()).isZero();
    try (var list = Files.list(tmp)) {
      assertThat(list).containsExactly(data);
    }
  }

  @Test
  void render_rootDir_reportThereWithCommandRender() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Path metadata =
        Files.writeString(
            tmp.resolve("metadata.json"), "{\"privateIPv4\": \"10.0.0.5\", \"hostname\": \"m\"}");

    Cli.Run r =
        Cli.kindling(
            "render",
            "--from-file",
            userData("#cloud-config\nwrite_files:\n  - path: /etc/ip\n    content: $private_ipv4\n")
                .toString(),
            "--metadata",
            metadata.toString(),
            "--root",
            root.toString(),
            "--format",
            "json");

    assertThat(r.status()).isZero();
    JsonNode plan = new ObjectMapper().readTree(r.out());
    assertThat(plan.get("actions").findValuesAsText("path")).contains("/etc/ip");
    assertThat(root.resolve("etc/ip")).hasContent("10.0.0.5");
    JsonNode report =
        new ObjectMapper().readTree(root.resolve("run/kindling/report.json").toFile());
    assertThat(report.get("command").asText()).isEqualTo("render");
    assertThat(report.get("systemd").asText()).isEqualTo("none");
    assertThat(report.get("unresolvedVariables")).isEmpty();
  }

  @Test
  void render_sample_filesUnderTheRootAndNothingRun() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));

    Cli.Run r =
        Cli.kindling(
            "render",
            "--from-file",
            "samples/cloud-config/users-and-ssh-keys.yaml",
            "--root",
            root.toString());

    assertThat(r.status()).isZero();
    JsonNode report =
        new ObjectMapper().readTree(root.resolve("run/kindling/report.json").toFile());
    assertThat(report.get("actions").findValuesAsText("status"))
        .doesNotContain("failed", "rejected");
    assertThat(report.get("actions").findValuesAsText("type")).contains("create-user");
    assertThat(report.get("summary").get("recorded").asInt()).isPositive();
    assertThat(root.resolve("home/core/.ssh/authorized_keys")).exists();
  }

  @Test
  void render_openstackNetworkData_networkdFilesAndWhatWasLeftOut() throws IOException {
    Path drive = Files.createDirectories(tmp.resolve("drive/openstack/latest"));
    Files.writeString(drive.resolve("meta_data.json"), "{\"uuid\": \"i-1\"}");
    Files.writeString(drive.resolve("user_data"), "#cloud-config\n");
    Files.writeString(
        drive.resolve("network_data.json"),
        "{\"links\": [{\"id\": \"tap1\", \"type\": \"phy\","
            + " \"ethernet_mac_address\": \"FA:16:3E:00:00:01\"},"
            + " {\"id\": \"x\", \"type\": \"vxlan\"}],"
            + " \"networks\": [{\"link\": \"tap1\", \"type\": \"ipv4_dhcp\"}],"
            + " \"services\": [{\"type\": \"dns\", \"address\": \"192.0.2.53\"}]}");
    Path root = Files.createDirectories(tmp.resolve("root"));

    Cli.Run r =
        Cli.kindling(
            "render",
            "--from-configdrive",
            tmp.resolve("drive").toString(),
            "--convert-netconf",
            "openstack",
            "--root",
            root.toString(),
            "--format",
            "json");

    JsonNode actions = new ObjectMapper().readTree(r.out()).get("actions");
    assertThat(actions.findValuesAsText("path"))
        .contains("/run/systemd/network/30-kindling-fa163e000001.network");
    assertThat(actions.findValuesAsText("subject"))
        .contains("convert-netconf openstack links[1] \"x\"");
    assertThat(actions.findValuesAsText("unit")).contains("systemd-networkd.service");
    assertThat(root.resolve("run/systemd/network/30-kindling-fa163e000001.network"))
        .hasContent(
            "# Kindling: network_data.json link \"tap1\" (phy)\n[Match]\n"
                + "MACAddress=fa:16:3e:00:00:01\nType=ether\n\n[Network]\nDHCP=ipv4\n"
                + "DNS=192.0.2.53\n");
    JsonNode report =
        new ObjectMapper().readTree(root.resolve("run/kindling/report.json").toFile());
    assertThat(report.get("actions").findValuesAsText("status")).contains("rejected");
    assertThat(r.status()).isEqualTo(1);
  }

  @Test
  void render_openstackMetadataService_networkDataOfTheNewestVersionConverted() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));
    try (MetadataEmulator nova =
        MetadataEmulator.start(
            MetadataEmulator.Flavor.OPENSTACK,
            Path.of("src/test/resources/datasource/openstack/basic"))) {
      Cli.Run r =
          Cli.kindling(
              "render",
              "--from-openstack-metadata",
              nova.baseUri().toString(),
              "--convert-netconf",
              "openstack",
              "--root",
              root.toString(),
              "--timeout",
              "20");

      assertThat(r.status()).isZero();
      assertThat(r.out())
          .contains(
              "place unit 30-kindling-fa163e000001.network at"
                  + " /run/systemd/network/30-kindling-fa163e000001.network\n")
          .endsWith("reload systemd units\nrestart systemd-networkd.service\n");
      assertThat(root.resolve("run/systemd/network/30-kindling-fa163e000001.network"))
          .hasContent(
              "# Kindling: network_data.json link \"tap1\" (phy)\n[Match]\n"
                  + "MACAddress=fa:16:3e:00:00:01\nType=ether\n\n[Link]\nMTUBytes=1500\n\n"
                  + "[Network]\nDHCP=ipv4\nDNS=10.0.0.2\n");
      assertThat(nova.count("GET", "/openstack/2018-08-27/network_data.json")).isEqualTo(1);
    }
  }

  @Test
  void render_rootSlash_refused() throws IOException {
    Cli.Run r = Cli.kindling("render", "--from-file", userData("").toString(), "--root", "/");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--root must be a directory other than /");
  }

  @Test
  void render_badFormatOrMetadata_usageError() throws IOException {
    Path data = userData("");
    assertThat(Cli.kindling("render", "--from-file", data.toString(), "--format", "yaml").status())
        .isEqualTo(2);
    Path bad = Files.writeString(tmp.resolve("m.json"), "[1]");
    Cli.Run r =
        Cli.kindling("render", "--from-file", data.toString(), "--metadata", bad.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("failed to read metadata");
  }
}
