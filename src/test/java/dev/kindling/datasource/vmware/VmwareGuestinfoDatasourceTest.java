package dev.kindling.datasource.vmware;

import static dev.kindling.datasource.FakeCommandRunner.fail;
import static dev.kindling.datasource.FakeCommandRunner.ok;
import static dev.kindling.datasource.Fixtures.deadline;
import static dev.kindling.datasource.Fixtures.path;
import static dev.kindling.datasource.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.datasource.CommandRunner;
import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.FakeCommandRunner;
import dev.kindling.datasource.Fixtures;
import dev.kindling.datasource.UrlFetcher;
import dev.kindling.metadata.Metadata;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VmwareGuestinfoDatasourceTest {
  private static final String CLOUD_CONFIG = "#cloud-config\nhostname: from-vmware\n";
  private static final UrlFetcher NO_DOWNLOADS =
      (url, deadline) -> {
        throw new AssertionError("unexpected download of " + url);
      };

  @TempDir Path tmp;

  /** A vmware-rpctool that answers from {@code vmware/<fixture>/guestinfo.properties}. */
  static FakeCommandRunner rpctool(String fixture) throws IOException {
    Properties values = new Properties();
    try (Reader in =
        Files.newBufferedReader(
            path("vmware/" + fixture + "/guestinfo.properties"), StandardCharsets.UTF_8)) {
      values.load(in);
    }
    return new FakeCommandRunner(
        c -> {
          assertThat(c).hasSize(2).first().isEqualTo("vmware-rpctool");
          assertThat(c.get(1)).startsWith("info-get guestinfo.");
          String value = values.getProperty(c.get(1).substring("info-get ".length()));
          return value == null ? fail(1, "No value found\n") : ok(value + "\n");
        });
  }

  private static VmwareGuestinfoDatasource vmware(String fixture, UrlFetcher fetcher)
      throws IOException {
    return new VmwareGuestinfoDatasource(
        new RpctoolGuestinfoSource(rpctool(fixture), Path.of("/nonexistent")), fetcher);
  }

  @Test
  void fetch_staticNetwork_userDataIpsByRoleAndNetworkKeys() throws Exception {
    VmwareGuestinfoDatasource source = vmware("static", NO_DOWNLOADS);

    assertThat(source.type()).isEqualTo("vmware-guestinfo");
    assertThat(source.availabilityChanges()).isFalse();
    assertThat(utf8(source.fetchUserData(deadline()))).contains(CLOUD_CONFIG);
    assertThat(source.fetchMetadata(deadline()))
        .isEqualTo(
            new Metadata(
                Optional.empty(),
                Optional.of("kindling-vmw"),
                Optional.of("203.0.113.5"),
                Optional.of("10.0.0.5"),
                Optional.of("2001:db8::5"),
                Optional.empty(),
                Map.of(),
                Optional.of(
                    new Metadata.NetworkConfig(
                        "vmware", Fixtures.text("vmware/static/network.json").strip()))));
  }

  @Test
  void fetchUserData_gzipBase64_isDecoded() throws Exception {
    assertThat(utf8(vmware("gzip", NO_DOWNLOADS).fetchUserData(deadline()))).contains(CLOUD_CONFIG);
  }

  @Test
  void fetchUserData_onlyUrl_downloadsIt() throws Exception {
    List<URI> fetched = new ArrayList<>();
    UrlFetcher fetcher =
        (url, deadline) -> {
          fetched.add(url);
          return CLOUD_CONFIG.getBytes(StandardCharsets.UTF_8);
        };

    assertThat(utf8(vmware("url", fetcher).fetchUserData(deadline()))).contains(CLOUD_CONFIG);
    assertThat(fetched).containsExactly(URI.create("http://127.0.0.1:8080/user-data"));
  }

  @Test
  void fetchUserData_urlFails_propagatesTheFetchersMessage() {
    UrlFetcher failing =
        (url, deadline) -> {
          throw new DatasourceException("failed to fetch " + url + ": HTTP 404");
        };

    assertThatThrownBy(() -> vmware("url", failing).fetchUserData(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessage("failed to fetch http://127.0.0.1:8080/user-data: HTTP 404");
  }

  @Test
  void fetch_noConfigVariables_noUserDataAndEmptyNetworkKeys() throws Exception {
    VmwareGuestinfoDatasource source = vmware("no-user-data", NO_DOWNLOADS);

    assertThat(source.fetchUserData(deadline())).isEmpty();
    Metadata metadata = source.fetchMetadata(deadline());
    assertThat(metadata.hostname()).contains("quiet-vmw");
    assertThat(metadata.networkConfig()).contains(new Metadata.NetworkConfig("vmware", "{}"));
  }

  @Test
  void fetchMetadata_unknownRole_namesTheRole() {
    assertThatThrownBy(() -> vmware("bad-role", NO_DOWNLOADS).fetchMetadata(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessage(
            "failed to read guestinfo.interface.0.role: unrecognized role \"dmz\" (want public or"
                + " private)");
  }

  @Test
  void fetchMetadata_addressWithoutPrefix_isNotCidr() {
    assertThatThrownBy(() -> vmware("bad-cidr", NO_DOWNLOADS).fetchMetadata(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessage(
            "failed to read guestinfo.interface.0.ip.0.address: not an address in CIDR notation:"
                + " 192.0.2.5");
  }

  @Test
  void fetchUserData_unknownEncoding_namesIt() {
    assertThatThrownBy(() -> vmware("bad-encoding", NO_DOWNLOADS).fetchUserData(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessage(
            "failed to decode guestinfo.coreos.config.data: unsupported encoding \"rot13\" (use"
                + " base64 or gzip+base64)");
  }

  @Test
  void fetchUserData_invalidBase64_saysSo() {
    assertThatThrownBy(() -> vmware("bad-base64", NO_DOWNLOADS).fetchUserData(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessage("failed to decode guestinfo.coreos.config.data: not valid base64");
  }

  @Test
  void fetchUserData_nonHttpUrl_isRefused() {
    assertThatThrownBy(() -> vmware("bad-url", NO_DOWNLOADS).fetchUserData(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessage(
            "failed to read guestinfo.coreos.config.url: not an http(s) URL: file:///etc/shadow");
  }

  @Test
  void get_ovfenvVariableSet_itsPropertiesWin() throws Exception {
    RpctoolGuestinfoSource source =
        new RpctoolGuestinfoSource(rpctool("ovfenv-in-guestinfo"), Path.of("/nonexistent"));

    assertThat(source.get("hostname", deadline())).contains("from-ovfenv");
    assertThat(source.get("coreos.config.data", deadline())).isEmpty();
  }

  @Test
  void get_rpctoolMissing_saysItIsNotInstalled() {
    FakeCommandRunner missing =
        new FakeCommandRunner(
            c -> {
              throw new CommandRunner.ProgramNotFoundException(c.get(0), null);
            });

    assertThatThrownBy(() -> new RpctoolGuestinfoSource(missing, tmp).get("hostname", deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessage(
            "failed to read guestinfo.ovfenv: vmware-rpctool: not installed (not found on PATH)");
  }

  @Test
  void isAvailable_vmwareDmiAndTool_true() throws Exception {
    writeVendor("VMware, Inc.\n");

    assertThat(new RpctoolGuestinfoSource(rpctool("static"), tmp).isAvailable(deadline())).isTrue();
  }

  @Test
  void isAvailable_otherVendor_falseWithoutRunningTheTool() throws Exception {
    writeVendor("QEMU\n");
    FakeCommandRunner runner = rpctool("static");

    assertThat(new RpctoolGuestinfoSource(runner, tmp).isAvailable(deadline())).isFalse();
    assertThat(runner.commands()).isEmpty();
  }

  @Test
  void isAvailable_vmwareWithoutTool_false() throws Exception {
    writeVendor("VMware, Inc.\n");
    FakeCommandRunner missing =
        new FakeCommandRunner(
            c -> {
              throw new CommandRunner.ProgramNotFoundException(c.get(0), null);
            });

    assertThat(new RpctoolGuestinfoSource(missing, tmp).isAvailable(deadline())).isFalse();
  }

  @Test
  void fetch_ovfEnvironmentFile_readsPropertySection() throws Exception {
    VmwareGuestinfoDatasource source =
        new VmwareGuestinfoDatasource(
            new OvfEnvironmentGuestinfoSource(path("vmware/ovf-env/ovf-env.xml")), NO_DOWNLOADS);

    assertThat(source.isAvailable(deadline())).isTrue();
    assertThat(utf8(source.fetchUserData(deadline()))).contains(CLOUD_CONFIG);
    Metadata metadata = source.fetchMetadata(deadline());
    assertThat(metadata.hostname()).contains("ovf-host");
    assertThat(metadata.privateIpv4()).contains("192.168.10.20");
    assertThat(metadata.networkConfig().orElseThrow().content())
        .isEqualTo(
            "{\"interface.0.name\":\"ens192\",\"interface.0.ip.0.address\":\"192.168.10.20/24\"}");
  }

  @Test
  void isAvailable_missingOvfFile_false() throws Exception {
    assertThat(
            new OvfEnvironmentGuestinfoSource(tmp.resolve("ovf-env.xml")).isAvailable(deadline()))
        .isFalse();
  }

  @Test
  void fetchMetadata_malformedOvfFile_namesTheFile() {
    Path file = path("vmware/malformed-ovf/ovf-env.xml");

    assertThatThrownBy(
            () ->
                new VmwareGuestinfoDatasource(new OvfEnvironmentGuestinfoSource(file), NO_DOWNLOADS)
                    .fetchMetadata(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessageStartingWith("failed to parse " + file + ": line ");
  }

  private void writeVendor(String vendor) throws IOException {
    Path file = tmp.resolve("sys/class/dmi/id/sys_vendor");
    Files.createDirectories(file.getParent());
    Files.writeString(file, vendor);
  }
}
