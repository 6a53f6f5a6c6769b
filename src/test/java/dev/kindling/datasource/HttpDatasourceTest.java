package dev.kindling.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.kindling.datasource.digitalocean.DigitalOceanMetadataDatasource;
import dev.kindling.datasource.ec2.Ec2MetadataDatasource;
import dev.kindling.datasource.gce.GceMetadataDatasource;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.datasource.openstack.OpenStackMetadataDatasource;
import dev.kindling.datasource.packet.PacketMetadataDatasource;
import java.net.URI;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every HTTP datasource takes from {@link HttpDatasource}: the name of its own type, worth
 * probing again, and no probe failure before the first probe. Nothing here sends a request.
 */
class HttpDatasourceTest {
  private static final URI BASE = URI.create("http://127.0.0.1:9/");

  static Stream<Arguments> sources() {
    MetadataClient client = TestSources.client();
    return Stream.of(
        arguments(
            new Ec2MetadataDatasource(client, BASE), Ec2MetadataDatasource.TYPE, "ec2-metadata"),
        arguments(
            new GceMetadataDatasource(client, BASE), GceMetadataDatasource.TYPE, "gce-metadata"),
        arguments(
            new DigitalOceanMetadataDatasource(client, BASE),
            DigitalOceanMetadataDatasource.TYPE,
            "digitalocean-metadata"),
        arguments(
            new PacketMetadataDatasource(client, BASE),
            PacketMetadataDatasource.TYPE,
            "packet-metadata"),
        arguments(
            new OpenStackMetadataDatasource(client, BASE),
            OpenStackMetadataDatasource.TYPE,
            "openstack-metadata"),
        arguments(new UrlDatasource(client, BASE.resolve("user-data")), UrlDatasource.TYPE, "url"));
  }

  @ParameterizedTest
  @MethodSource("sources")
  void typeIsItsOwn_availabilityChanges_noFailureBeforeAProbe(
      HttpDatasource source, DatasourceType type, String name) {
    assertThat(source.type()).isEqualTo(type.name()).isEqualTo(name);
    assertThat(source.availabilityChanges()).isTrue();
    assertThat(source.lastProbeFailure()).isEmpty();
  }
}
