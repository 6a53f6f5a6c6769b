package dev.kindling.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kindling.datasource.digitalocean.DigitalOceanMetadataDatasource;
import dev.kindling.datasource.ec2.Ec2MetadataDatasource;
import dev.kindling.datasource.gce.GceMetadataDatasource;
import dev.kindling.datasource.http.Backoff;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.datasource.openstack.OpenStackMetadataDatasource;
import dev.kindling.datasource.packet.PacketMetadataDatasource;
import dev.kindling.testing.Fault;
import dev.kindling.testing.MetadataEmulator;
import dev.kindling.testing.MetadataEmulator.Flavor;
import java.net.URI;
import java.time.Duration;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same faults against every HTTP datasource: each ends in its specified outcome. */
@Timeout(30)
class HttpDatasourceFaultMatrixTest {
  /**
   * One HTTP datasource under test.
   *
   * @param name for the test report
   * @param flavor the emulator flavor
   * @param fixture the fixture directory
   * @param create makes the datasource for a client and base URL
   * @param probePath the path the availability probe reads
   * @param userDataPath the path user data comes from
   */
  record Source(
      String name,
      Flavor flavor,
      String fixture,
      BiFunction<MetadataClient, URI, Datasource> create,
      String probePath,
      String userDataPath) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Source> sources() {
    return Stream.of(
        new Source(
            "ec2",
            Flavor.EC2,
            "ec2/basic",
            Ec2MetadataDatasource::new,
            "/latest/meta-data/instance-id",
            "/latest/user-data"),
        new Source(
            "gce",
            Flavor.GCE,
            "gce/basic",
            GceMetadataDatasource::new,
            "/computeMetadata/v1/instance/id",
            "/computeMetadata/v1/instance/attributes/user-data"),
        new Source(
            "openstack",
            Flavor.OPENSTACK,
            "openstack/basic",
            OpenStackMetadataDatasource::new,
            "/openstack",
            "/openstack/2018-08-27/user_data"),
        new Source(
            "digitalocean",
            Flavor.DIGITALOCEAN,
            "digitalocean/basic",
            DigitalOceanMetadataDatasource::new,
            "/metadata/v1.json",
            "/metadata/v1/user-data"),
        new Source(
            "packet",
            Flavor.PACKET,
            "packet/basic",
            PacketMetadataDatasource::new,
            "/metadata",
            "/userdata"),
        new Source(
            "url",
            Flavor.PLAIN,
            "plain/basic",
            (c, base) -> new UrlDatasource(c, base.resolve("cloud-config.yaml")),
            "/cloud-config.yaml",
            "/cloud-config.yaml"));
  }

  private final MetadataClient client =
      MetadataClient.builder()
          .backoff(Backoff.none())
          .attemptTimeout(Duration.ofSeconds(2))
          .bodyLimit(64 * 1024)
          .build();
  private MetadataEmulator server;

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private Datasource start(Source s) throws Exception {
    server = TestSources.emulator(s.flavor(), s.fixture());
    return s.create().apply(client, server.baseUri());
  }

  private static ProbeFailure failure(Datasource ds) {
    return ((ProbeReporting) ds).lastProbeFailure().orElseThrow();
  }

  @ParameterizedTest
  @MethodSource("sources")
  void probe_serverError_isTransientAndNamed(Source s) throws Exception {
    Datasource ds = start(s);
    server.fault(s.probePath(), Fault.status(503));
    assertThat(ds.isAvailable(TestSources.deadline())).isFalse();
    assertThat(failure(ds).reason()).contains("HTTP 503");
    assertThat(failure(ds).permanent()).isFalse();
  }

  @ParameterizedTest
  @MethodSource("sources")
  void probe_connectionReset_isTransient(Source s) throws Exception {
    Datasource ds = start(s);
    server.fault(s.probePath(), Fault.reset());
    assertThat(ds.isAvailable(TestSources.deadline())).isFalse();
    assertThat(failure(ds).reason()).contains("connection failed");
    assertThat(failure(ds).permanent()).isFalse();
  }

  @ParameterizedTest
  @MethodSource("sources")
  void probe_hangingServer_endsWithinTheDeadline(Source s) throws Exception {
    Datasource ds = start(s);
    server.fault(s.probePath(), Fault.hang());
    assertThat(ds.isAvailable(Deadline.in(Duration.ofSeconds(1)))).isFalse();
    assertThat(failure(ds).reason()).contains("no answer within");
  }

  @ParameterizedTest
  @MethodSource("sources")
  void probe_oversizedAnswer_isRefusedPermanently(Source s) throws Exception {
    Datasource ds = start(s);
    server.fault(s.probePath(), Fault.oversize(128 * 1024));
    assertThat(ds.isAvailable(TestSources.deadline())).isFalse();
    assertThat(failure(ds).reason()).contains("body larger than the limit");
    assertThat(failure(ds).permanent()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("sources")
  void fetchUserData_serverErrorThroughout_failsAfterTheRetries(Source s) throws Exception {
    Datasource ds = start(s);
    server.fault(s.userDataPath(), Fault.status(500));
    DatasourceException e =
        assertThrows(DatasourceException.class, () -> ds.fetchUserData(TestSources.deadline()));
    assertThat(e.getMessage())
        .startsWith("failed to fetch ")
        .contains("HTTP 500 (the service is failing; gave up after 3 attempts)");
  }

  @ParameterizedTest
  @MethodSource("sources")
  void fetchUserData_truncatedOnce_recovers(Source s) throws Exception {
    Datasource ds = start(s);
    server.fault(s.userDataPath(), Fault.truncate().times(1));
    assertThat(ds.fetchUserData(TestSources.deadline())).isPresent();
  }
}
