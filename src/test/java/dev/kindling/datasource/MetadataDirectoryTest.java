package dev.kindling.datasource;

import static dev.kindling.datasource.TestSources.deadline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.datasource.http.MetadataHttpException;
import dev.kindling.testing.Fault;
import dev.kindling.testing.MetadataEmulator;
import dev.kindling.testing.MetadataEmulator.Flavor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class MetadataDirectoryTest {
  private static final String DOC = "metadata/v1.json";

  private final MetadataClient client = TestSources.client();
  private MetadataEmulator server;
  private MetadataDirectory service;

  @BeforeEach
  void start() throws Exception {
    server = TestSources.emulator(Flavor.DIGITALOCEAN, "digitalocean/basic");
    // Without its trailing slash: items still resolve below the base, as below a directory.
    String base = server.baseUri().toString();
    service = new MetadataDirectory(client, URI.create(base.substring(0, base.length() - 1)));
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void probe_readsTheItemOnce_andTheProbeRecordsA404() throws Exception {
    HttpProbe probe = new HttpProbe(DOC, "not a test service", Map.of());
    assertThat(service.probe(probe, DOC, deadline())).isPresent();
    assertThat(server.count("GET", "/" + DOC)).isEqualTo(1);
    assertThat(service.probe(probe, "nothing/here", deadline())).isEmpty();
    assertThat(probe.lastFailure().orElseThrow().reason()).contains("HTTP 404");
  }

  @Test
  void document_usesWhatTheProbeRead_withoutAnotherRequest() throws Exception {
    byte[] probed = "{\"probed\":true}".getBytes(StandardCharsets.UTF_8);
    assertThat(service.document(Optional.of(probed), DOC, deadline())).isEqualTo(probed);
    assertThat(server.count("GET", "/" + DOC)).isZero();
  }

  @Test
  void document_notProbed_isFetched_andA404IsAFailureNamingTheItem() throws Exception {
    assertThat(
            new String(service.document(Optional.empty(), DOC, deadline()), StandardCharsets.UTF_8))
        .contains("droplet_id");
    DatasourceException missing =
        assertThrows(
            DatasourceException.class,
            () -> service.document(Optional.empty(), "nothing/here", deadline()));
    assertThat(missing).hasMessage("failed to fetch nothing/here: HTTP 404");
  }

  @Test
  void get_isEmptyFor404_andThrowsForOtherFailures() throws Exception {
    assertThat(service.get("nothing/here", deadline())).isEmpty();
    server.fault("/" + DOC, Fault.status(403));
    assertThat(assertThrows(DatasourceException.class, () -> service.get(DOC, deadline())))
        .hasMessageContaining(DOC);
  }

  @Test
  void send_givesTheClientsOwnFailure() throws Exception {
    server.fault("/" + DOC, Fault.status(403));
    assertThrows(MetadataHttpException.class, () -> service.send(DOC, deadline()));
    assertThat(service.send("nothing/here", deadline())).isEmpty();
  }
}
