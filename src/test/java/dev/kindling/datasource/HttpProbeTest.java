package dev.kindling.datasource;

import static dev.kindling.datasource.TestSources.deadline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kindling.datasource.http.HttpFailure;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.datasource.http.MetadataRequest;
import dev.kindling.testing.Fault;
import dev.kindling.testing.MetadataEmulator;
import dev.kindling.testing.MetadataEmulator.Flavor;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class HttpProbeTest {
  private static final String DOC = "metadata/v1.json";

  private final MetadataClient client = TestSources.client();
  private MetadataEmulator server;

  @BeforeEach
  void start() throws Exception {
    server = TestSources.emulator(Flavor.DIGITALOCEAN, "digitalocean/basic");
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private HttpProbe probe(String path) {
    return new HttpProbe(path, "not a test service", Map.of(HttpFailure.FORBIDDEN, "switched off"));
  }

  private MetadataRequest request(String path) {
    return MetadataRequest.get(server.baseUri().resolve(path));
  }

  @Test
  void get_answered_returnsBodyWithoutFailure() throws Exception {
    HttpProbe probe = probe(DOC);
    assertThat(probe.get(client, request(DOC), deadline())).isPresent();
    assertThat(probe.lastFailure()).isEmpty();
  }

  @Test
  void get_notFound_isPermanentAndNamesTheService() throws Exception {
    HttpProbe probe = probe("nothing/here");
    assertThat(probe.get(client, request("nothing/here"), deadline())).isEmpty();
    assertThat(probe.lastFailure())
        .contains(new ProbeFailure("GET nothing/here: HTTP 404 (not a test service)", true));
  }

  @Test
  void get_serverError_isTransientAfterOneAttempt() throws Exception {
    server.fault("/" + DOC, Fault.status(500));
    HttpProbe probe = probe(DOC);
    assertThat(probe.get(client, request(DOC), deadline())).isEmpty();
    ProbeFailure failure = probe.lastFailure().orElseThrow();
    assertThat(failure.permanent()).isFalse();
    assertThat(failure.reason())
        .endsWith("HTTP 500 (the service is failing; gave up after 1 attempt)");
    assertThat(server.count("GET", "/" + DOC)).isEqualTo(1);
  }

  @Test
  void get_forbidden_isPermanentWithThePlatformHint() throws Exception {
    server.fault("/" + DOC, Fault.status(403));
    HttpProbe probe = probe(DOC);
    assertThat(probe.get(client, request(DOC), deadline())).isEmpty();
    ProbeFailure failure = probe.lastFailure().orElseThrow();
    assertThat(failure.permanent()).isTrue();
    assertThat(failure.reason()).endsWith("HTTP 403 (switched off)");
  }

  @Test
  void get_answeredAfterFailure_clearsTheFailure() throws Exception {
    HttpProbe probe = probe(DOC);
    assertThat(probe.get(client, request("nothing/here"), deadline())).isEmpty();
    assertThat(probe.lastFailure()).isPresent();
    assertThat(probe.get(client, request(DOC), deadline())).isPresent();
    assertThat(probe.lastFailure()).isEmpty();
  }

  @Test
  void get_ownException_propagatesAndFailedRecordsIt() throws Exception {
    HttpProbe probe = probe(DOC);
    DatasourceException e =
        assertThrows(
            DatasourceException.class,
            () ->
                probe.get(
                    () -> {
                      throw new DatasourceException("failed to set up: no token");
                    }));
    probe.failed(new ProbeFailure(e.getMessage(), false));
    assertThat(probe.lastFailure()).contains(new ProbeFailure("failed to set up: no token", false));
  }
}
