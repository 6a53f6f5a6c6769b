package dev.kindling.datasource.openstack;

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
import dev.kindling.datasource.PartialMetadata;
import dev.kindling.datasource.Platform;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.datasource.http.MetadataHttpException;
import dev.kindling.metadata.Metadata;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OpenStack (Nova) metadata service: {@code openstack/<version>/meta_data.json}, {@code
 * user_data} and {@code network_data.json}, using the newest dated version that {@code openstack/}
 * lists and falling back to {@code latest} (as Nova's documentation advises); IPv4 addresses from
 * the EC2-compatible {@code latest/meta-data/} tree when it has them.
 *
 * @see <a href="https://docs.openstack.org/nova/latest/user/metadata.html">Nova: metadata</a>
 */
public final class OpenStackMetadataDatasource extends HttpDatasource {
  /** The real metadata service; never used in tests. */
  public static final URI DEFAULT_BASE = URI.create("http://169.254.169.254/");

  /** {@code --from-openstack-metadata URL} (a Kindling extension); {@code --auto} on OpenStack. */
  public static final DatasourceType TYPE =
      DatasourceType.of(
              "openstack-metadata",
              "from-openstack-metadata",
              ArgumentKind.URL,
              "OpenStack metadata service base URL.",
              (url, context) -> new OpenStackMetadataDatasource(context.client(), URI.create(url)))
          .withDefault(DEFAULT_BASE.toString())
          .withAuto(AutoDetect.onPlatform(Platform.OPENSTACK));

  private static final Logger LOG = LoggerFactory.getLogger(OpenStackMetadataDatasource.class);
  private static final Pattern DATED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final MetadataDirectory service;
  private volatile Optional<List<String>> versions = Optional.empty(); // from openstack/
  private String version; // the one that answered; guarded by this
  private byte[] versionMetadata; // its meta_data.json, when the check read it; guarded by this

  /** A datasource for the metadata service at {@code base}. */
  public OpenStackMetadataDatasource(MetadataClient client, URI base) {
    super(TYPE, new HttpProbe("openstack/", "not an OpenStack metadata service", Map.of()));
    this.service = new MetadataDirectory(client, base);
  }

  @Override
  public boolean isAvailable(Deadline deadline) throws InterruptedException {
    Optional<byte[]> listing = service.probe(probe(), "openstack/", deadline);
    if (listing.isPresent()) {
      versions = Optional.of(dated(listing.get()));
    }
    return listing.isPresent();
  }

  @Override
  public Optional<byte[]> fetchUserData(Deadline deadline)
      throws DatasourceException, InterruptedException {
    return service.get("openstack/" + version(deadline) + "/user_data", deadline);
  }

  /**
   * {@code meta_data.json} (as the version check read it, else fetched now), {@code
   * network_data.json} and the EC2-compatible addresses, fetched at once: they do not depend on
   * each other once the version is known. A failure of either document is thrown as when they were
   * fetched one after the other, the metadata document's first; the addresses are best effort.
   */
  @Override
  public Metadata fetchMetadata(Deadline deadline)
      throws DatasourceException, InterruptedException {
    String v = version(deadline);
    String item = "openstack/" + v + "/meta_data.json";
    Optional<byte[]> checked = versionMetadata(v);
    PartialMetadata.Failures items = new PartialMetadata.Failures();
    PartialMetadata.Pending<byte[]> metaBody =
        checked.isPresent() ? null : items.start(() -> service.get(item, deadline));
    PartialMetadata.Pending<Metadata.NetworkConfig> networkBody =
        items.start(
            () ->
                service
                    .get("openstack/" + v + "/network_data.json", deadline)
                    .map(b -> new Metadata.NetworkConfig("openstack", HttpSources.text(b))));
    PartialMetadata.Pending<String> publicV4 = items.start(() -> ec2Ip("public-ipv4", deadline));
    PartialMetadata.Pending<String> privateV4 = items.start(() -> ec2Ip("local-ipv4", deadline));
    try {
      JsonNode meta =
          HttpSources.jsonObject(
              item,
              (metaBody == null ? checked : items.require(metaBody))
                  .orElse("{}".getBytes(StandardCharsets.UTF_8)));
      Optional<Metadata.NetworkConfig> network = items.require(networkBody);
      Map<String, String> keys = new LinkedHashMap<>();
      meta.path("public_keys")
          .properties()
          .forEach(
              e -> {
                if (e.getValue().isTextual()) {
                  keys.put(e.getKey(), e.getValue().asText().strip());
                }
              });
      return new Metadata(
          HttpSources.jsonText(meta, "uuid"),
          HttpSources.jsonText(meta, "hostname").or(() -> HttpSources.jsonText(meta, "name")),
          items.require(publicV4),
          items.require(privateV4),
          Optional.empty(),
          Optional.empty(),
          keys,
          network);
    } finally {
      items.endAll(); // a failure above leaves none of the others running
    }
  }

  /** The {@code meta_data.json} the version check read for version {@code v}, if it did. */
  private synchronized Optional<byte[]> versionMetadata(String v) {
    return v.equals(version) ? Optional.ofNullable(versionMetadata) : Optional.empty();
  }

  /** The dated versions of a listing, newest first. */
  private static List<String> dated(byte[] listing) {
    return HttpSources.text(listing)
        .lines()
        .map(String::strip)
        .filter(v -> DATED.matcher(v).matches())
        .sorted(Comparator.reverseOrder())
        .toList();
  }

  /** The newest listed version whose meta_data.json exists, else {@code latest}. */
  private synchronized String version(Deadline deadline)
      throws DatasourceException, InterruptedException {
    if (version == null) {
      if (versions.isEmpty()) { // not probed: list the versions now
        versions =
            Optional.of(
                service
                    .get("openstack/", deadline)
                    .map(OpenStackMetadataDatasource::dated)
                    .orElse(List.of()));
      }
      version = "latest";
      for (String v : versions.get()) {
        Optional<byte[]> meta = service.get("openstack/" + v + "/meta_data.json", deadline);
        if (meta.isPresent()) {
          version = v;
          versionMetadata = meta.get();
          break;
        }
        LOG.info("OpenStack metadata version {} has no meta_data.json; trying an older one", v);
      }
      LOG.info("using OpenStack metadata version {}", version);
    }
    return version;
  }

  /** An address from the EC2-compatible tree; best effort (that tree is optional in Nova). */
  private Optional<String> ec2Ip(String item, Deadline deadline)
      throws DatasourceException, InterruptedException {
    try {
      Optional<byte[]> b = service.send("latest/meta-data/" + item, deadline);
      return b.isEmpty() ? Optional.empty() : IpAddresses.parse(item, HttpSources.text(b.get()));
    } catch (MetadataHttpException e) {
      LOG.warn("skipping {}: {}", item, HttpSources.explain(e, Map.of()));
      return Optional.empty();
    }
  }
}
