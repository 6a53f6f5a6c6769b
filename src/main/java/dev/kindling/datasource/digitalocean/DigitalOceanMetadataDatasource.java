package dev.kindling.datasource.digitalocean;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindling.datasource.ArgumentKind;
import dev.kindling.datasource.AutoDetect;
import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.DatasourceType;
import dev.kindling.datasource.Deadline;
import dev.kindling.datasource.HttpDatasource;
import dev.kindling.datasource.HttpProbe;
import dev.kindling.datasource.HttpSources;
import dev.kindling.datasource.IpAddresses;
import dev.kindling.datasource.MetadataDirectory;
import dev.kindling.datasource.Platform;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.metadata.Metadata;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The DigitalOcean droplet metadata service: {@code metadata/v1.json} (hostname, droplet id, public
 * keys named {@code 0, 1, …}, the first public and private interface's addresses) and {@code
 * metadata/v1/user-data}.
 *
 * @see <a href="https://docs.digitalocean.com/reference/api/metadata/">DigitalOcean: metadata
 *     API</a>
 */
public final class DigitalOceanMetadataDatasource extends HttpDatasource {
  /** The real metadata service; never used in tests. */
  public static final URI DEFAULT_BASE = URI.create("http://169.254.169.254/");

  /** {@code --from-digitalocean-metadata URL}; {@code --auto} on DigitalOcean. */
  public static final DatasourceType TYPE =
      DatasourceType.of(
              "digitalocean-metadata",
              "from-digitalocean-metadata",
              ArgumentKind.URL,
              "DigitalOcean metadata service base URL.",
              (url, context) ->
                  new DigitalOceanMetadataDatasource(context.client(), URI.create(url)))
          .withLauncherUsage("Download DigitalOcean data from the provided url")
          .withDefault(DEFAULT_BASE.toString())
          .withAuto(AutoDetect.onPlatform(Platform.DIGITALOCEAN));

  private static final String JSON = "metadata/v1.json";

  private final MetadataDirectory service;
  private volatile Optional<byte[]> document = Optional.empty();

  /** A datasource for the metadata service at {@code base}. */
  public DigitalOceanMetadataDatasource(MetadataClient client, URI base) {
    super(TYPE, new HttpProbe(JSON, "not a DigitalOcean metadata service", Map.of()));
    this.service = new MetadataDirectory(client, base);
  }

  @Override
  public boolean isAvailable(Deadline deadline) throws InterruptedException {
    document = service.probe(probe(), JSON, deadline);
    return document.isPresent();
  }

  @Override
  public Optional<byte[]> fetchUserData(Deadline deadline)
      throws DatasourceException, InterruptedException {
    return service.get("metadata/v1/user-data", deadline);
  }

  @Override
  public Metadata fetchMetadata(Deadline deadline)
      throws DatasourceException, InterruptedException {
    JsonNode m = HttpSources.jsonObject(JSON, service.document(document, JSON, deadline));
    Map<String, String> keys = HttpSources.indexedKeys(m.path("public_keys"));
    JsonNode ifaces = m.path("interfaces");
    return new Metadata(
        HttpSources.jsonText(m, "droplet_id"),
        HttpSources.jsonText(m, "hostname"),
        ip(ifaces, "public", "ipv4"),
        ip(ifaces, "private", "ipv4"),
        ip(ifaces, "public", "ipv6"),
        ip(ifaces, "private", "ipv6"),
        keys,
        Optional.empty());
  }

  private static Optional<String> ip(JsonNode ifaces, String kind, String family)
      throws DatasourceException {
    Optional<String> s = HttpSources.jsonText(ifaces, kind, 0, family, "ip_address");
    return s.isEmpty() ? s : IpAddresses.parse("interfaces." + kind + "[0]." + family, s.get());
  }
}
