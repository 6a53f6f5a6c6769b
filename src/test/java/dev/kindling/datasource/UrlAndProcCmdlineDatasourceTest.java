package dev.kindling.datasource;

import static dev.kindling.datasource.TestSources.deadline;
import static dev.kindling.datasource.TestSources.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.metadata.Metadata;
import dev.kindling.testing.Fault;
import dev.kindling.testing.MetadataEmulator;
import dev.kindling.testing.MetadataEmulator.Flavor;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class UrlAndProcCmdlineDatasourceTest {
  private final MetadataClient client = TestSources.client();
  private MetadataEmulator web;
  @TempDir Path tmp;

  @BeforeEach
  void start() throws Exception {
    web = TestSources.emulator(Flavor.PLAIN, "plain/basic");
  }

  @AfterEach
  void stop() {
    client.close();
    web.close();
  }

  @Test
  void url_available_downloadsOnce() throws Exception {
    UrlDatasource ds = new UrlDatasource(client, web.baseUri().resolve("cloud-config.yaml"));
    assertThat(ds.isAvailable(deadline())).isTrue();
    assertThat(text(ds.fetchUserData(deadline()))).isEqualTo("#cloud-config\nhostname: from-url\n");
    assertThat(ds.fetchMetadata(deadline())).isEqualTo(Metadata.empty());
    assertThat(web.count("GET", "/cloud-config.yaml")).isEqualTo(1);
  }

  @Test
  void url_404_isPermanentlyUnavailable() throws Exception {
    UrlDatasource ds = new UrlDatasource(client, web.baseUri().resolve("missing.yaml"));
    assertThat(ds.isAvailable(deadline())).isFalse();
    assertThat(ds.lastProbeFailure().orElseThrow().reason()).contains("HTTP 404");
    assertThat(ds.lastProbeFailure().orElseThrow().permanent()).isTrue();
    DatasourceException e =
        assertThrows(DatasourceException.class, () -> ds.fetchUserData(deadline()));
    assertThat(e.getMessage()).contains("HTTP 404");
  }

  @Test
  void url_otherScheme_refused() {
    assertThatThrownBy(() -> new UrlDatasource(client, URI.create("ftp://127.0.0.1/x")))
        .hasMessageContaining("only http and https");
  }

  @Test
  void find_rulesOfReference8() {
    assertThat(
            ProcCmdlineDatasource.find(
                "ro cloud-config-url=http://a/1 cloud_config_url=http://b/2 quiet"))
        .contains("http://b/2");
    assertThat(ProcCmdlineDatasource.find("cloud-config-url console=ttyS0")).isEmpty();
    assertThat(ProcCmdlineDatasource.find("cloud-config-url=\"http://c/3\"\n"))
        .contains("http://c/3");
    assertThat(ProcCmdlineDatasource.find("not-cloud-config-url=http://x")).isEmpty();
  }

  @Test
  void procCmdline_fetchesTheUrl() throws Exception {
    Path cmdline = tmp.resolve("cmdline");
    Files.writeString(
        cmdline,
        "BOOT_IMAGE=/vmlinuz cloud-config-url=" + web.baseUri() + "cloud-config.yaml ro\n");
    ProcCmdlineDatasource ds = new ProcCmdlineDatasource(client, cmdline);
    assertThat(ds.isAvailable(deadline())).isTrue();
    assertThat(ds.availabilityChanges()).isFalse();
    assertThat(text(ds.fetchUserData(deadline()))).isEqualTo("#cloud-config\nhostname: from-url\n");
  }

  @Test
  void procCmdline_serverFailing_isAFetchError() throws Exception {
    Path cmdline = tmp.resolve("cmdline");
    Files.writeString(cmdline, "cloud-config-url=" + web.baseUri() + "cloud-config.yaml");
    web.fault("/cloud-config.yaml", Fault.status(500));
    ProcCmdlineDatasource ds = new ProcCmdlineDatasource(client, cmdline);
    assertThat(ds.isAvailable(deadline())).isTrue();
    DatasourceException e =
        assertThrows(DatasourceException.class, () -> ds.fetchUserData(deadline()));
    assertThat(e.getMessage()).contains("HTTP 500").contains("gave up after 3 attempts");
  }

  @Test
  void procCmdline_noArgumentOrBadUrl_unavailable() throws Exception {
    Path cmdline = tmp.resolve("cmdline");
    Files.writeString(cmdline, "ro quiet");
    ProcCmdlineDatasource ds = new ProcCmdlineDatasource(client, cmdline);
    assertThat(ds.isAvailable(deadline())).isFalse();
    assertThat(ds.lastProbeFailure())
        .map(ProbeFailure::reason)
        .hasValueSatisfying(r -> assertThat(r).contains("no cloud-config-url= argument"));
    Files.writeString(cmdline, "cloud-config-url=tftp://10.0.0.1/x");
    assertThat(ds.isAvailable(deadline())).isFalse();
    assertThat(ds.lastProbeFailure().orElseThrow().reason()).contains("only http and https");
    assertThat(new ProcCmdlineDatasource(client, tmp.resolve("absent")).isAvailable(deadline()))
        .isFalse();
    assertThat(Optional.of(ds.type())).contains("proc-cmdline");
  }
}
