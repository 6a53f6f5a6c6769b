package dev.kindling.datasource.packet;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindling.datasource.ArgumentKind;
import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.DatasourceType;
import dev.kindling.datasource.Deadline;
import dev.kindling.datasource.HttpDatasource;
import dev.kindling.datasource.HttpProbe;
import dev.kindling.datasource.HttpSources;
import dev.kindling.datasource.IpAddresses;
import dev.kindling.datasource.MetadataDirectory;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.metadata.Metadata;
import dev.kindling.value.JsonTree;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The Packet (Equinix Metal) metadata service: {@code metadata} JSON (id, hostname, {@code
 * ssh_keys} named {@code 0, 1, …}, addresses from {@code network.addresses}: the first public IPv4,
 * private IPv4 and IPv6; the raw {@code network} object as {@code packet} network config) and
 * {@code userdata}.
 */
public final class PacketMetadataDatasource extends HttpDatasource {
  /**
   * The real metadata service (the original's {@code -oem packet} default); never used in tests.
   */
  public static final URI DEFAULT_BASE = URI.create("https://metadata.packet.net/");

  /** {@code --from-packet-metadata URL}. */
  public static final DatasourceType TYPE =
      DatasourceType.of(
              "packet-metadata",
              "from-packet-metadata",
              ArgumentKind.URL,
              "Packet (Equinix Metal) metadata service base URL.",
              (url, context) -> new PacketMetadataDatasource(context.client(), URI.create(url)))
          .withLauncherUsage("Download Packet data from metadata service")
          .withDefault(DEFAULT_BASE.toString());

  private final MetadataDirectory service;
  private volatile Optional<byte[]> document = Optional.empty();

  /** A datasource for the metadata service at {@code base}. */
  public PacketMetadataDatasource(MetadataClient client, URI base) {
    super(TYPE, new HttpProbe("metadata", "not a Packet metadata service", Map.of()));
    this.service = new MetadataDirectory(client, base);
  }

  @Override
  public boolean isAvailable(Deadline deadline) throws InterruptedException {
    document = service.probe(probe(), "metadata", deadline);
    return document.isPresent();
  }

  @Override
  public Optional<byte[]> fetchUserData(Deadline deadline)
      throws DatasourceException, InterruptedException {
    return service.get("userdata", deadline);
  }

  @Override
  public Metadata fetchMetadata(Deadline deadline)
      throws DatasourceException, InterruptedException {
    JsonNode m =
        HttpSources.jsonObject("metadata", service.document(document, "metadata", deadline));
    Map<String, String> keys = HttpSources.indexedKeys(m.path("ssh_keys"));
    Optional<String> public4 = Optional.empty();
    Optional<String> private4 = Optional.empty();
    Optional<String> public6 = Optional.empty();
    for (JsonNode a : m.path("network").path("addresses")) {
      Optional<String> address = HttpSources.jsonText(a, "address");
      if (address.isEmpty()) {
        continue;
      }
      String ip = IpAddresses.parse("network.addresses[].address", address.get()).orElseThrow();
      if (a.path("address_family").asInt() != 4) {
        public6 = public6.or(() -> Optional.of(ip));
      } else if (a.path("public").asBoolean()) {
        public4 = public4.or(() -> Optional.of(ip));
      } else {
        private4 = private4.or(() -> Optional.of(ip));
      }
    }
    Optional<Metadata.NetworkConfig> network =
        m.path("network").isObject()
            ? Optional.of(new Metadata.NetworkConfig("packet", JsonTree.write(m.get("network"))))
            : Optional.empty();
    return new Metadata(
        HttpSources.jsonText(m, "id"),
        HttpSources.jsonText(m, "hostname"),
        public4,
        private4,
        public6,
        Optional.empty(),
        keys,
        network);
  }
}
