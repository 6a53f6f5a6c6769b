package dev.kindling.datasource.gce;

import dev.kindling.datasource.ArgumentKind;
import dev.kindling.datasource.AutoDetect;
import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.DatasourceType;
import dev.kindling.datasource.Deadline;
import dev.kindling.datasource.HttpDatasource;
import dev.kindling.datasource.HttpProbe;
import dev.kindling.datasource.HttpSources;
import dev.kindling.datasource.IpAddresses;
import dev.kindling.datasource.PartialMetadata;
import dev.kindling.datasource.Platform;
import dev.kindling.datasource.http.HttpFailure;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.datasource.http.MetadataRequest;
import dev.kindling.metadata.Metadata;
import java.net.URI;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Google Compute Engine metadata server: {@code Metadata-Flavor: Google} on every request and
 * required on every response (anything else is not GCE); user-data attribute (optionally base64),
 * hostname, instance id, internal and external IPv4, and the instance and project {@code ssh-keys}
 * (expired keys dropped, project keys skipped when {@code block-project-ssh-keys} is true).
 *
 * @see <a href="https://cloud.google.com/compute/docs/metadata/querying-metadata">GCE: query
 *     metadata</a>
 */
public final class GceMetadataDatasource extends HttpDatasource {
  /** The real metadata server; never used in tests. */
  public static final URI DEFAULT_BASE = URI.create("http://metadata.google.internal/");

  /** {@code --from-gce-metadata URL}; {@code --auto} on Google Compute Engine. */
  public static final DatasourceType TYPE =
      DatasourceType.of(
              "gce-metadata",
              "from-gce-metadata",
              ArgumentKind.URL,
              "GCE metadata server base URL.",
              (url, context) -> new GceMetadataDatasource(context.client(), URI.create(url)))
          .withLauncherUsage("Download GCE data from the provided url")
          .withDefault(DEFAULT_BASE.toString())
          .withAuto(AutoDetect.onPlatform(Platform.GCE));

  static final String FLAVOR = "Metadata-Flavor";
  private static final Map<HttpFailure, String> HINTS =
      Map.of(
          HttpFailure.FORBIDDEN, "the metadata server refused: endpoint disabled or security check",
          HttpFailure.RATE_LIMITED, "the metadata server throttled the requests",
          HttpFailure.WRONG_SERVER, "not a GCE metadata server");

  private final MetadataClient client;
  private final URI base;
  private final Clock clock;

  /** A datasource for the metadata server at {@code base}. */
  public GceMetadataDatasource(MetadataClient client, URI base) {
    this(client, base, Clock.systemUTC());
  }

  /** As above, with the clock that decides which SSH keys have expired. */
  public GceMetadataDatasource(MetadataClient client, URI base, Clock clock) {
    super(TYPE, new HttpProbe("instance/id", "not a GCE metadata server", HINTS));
    this.client = client;
    this.base = HttpSources.directory(base).resolve("computeMetadata/v1/");
    this.clock = clock;
  }

  @Override
  public boolean isAvailable(Deadline deadline) throws InterruptedException {
    return probe().get(client, request("instance/id"), deadline).isPresent();
  }

  @Override
  public Optional<byte[]> fetchUserData(Deadline deadline)
      throws DatasourceException, InterruptedException {
    Optional<byte[]> data = get("instance/attributes/user-data", deadline);
    if (data.isEmpty()) {
      return data;
    }
    Optional<String> encoding = text("instance/attributes/user-data-encoding", deadline);
    if (encoding.isEmpty()) {
      return data;
    }
    if (!encoding.get().toLowerCase(Locale.ROOT).equals("base64")) {
      throw new DatasourceException(
          "failed to decode user-data: unsupported user-data-encoding \"" + encoding.get() + "\"");
    }
    try {
      return Optional.of(Base64.getMimeDecoder().decode(data.get()));
    } catch (IllegalArgumentException e) {
      throw new DatasourceException("failed to decode user-data: invalid base64", e);
    }
  }

  @Override
  public Metadata fetchMetadata(Deadline deadline)
      throws DatasourceException, InterruptedException {
    return fetchPartialMetadata(deadline).orThrow();
  }

  /**
   * Every item that arrives is kept; each one that fails is listed (a 404 is "not set"). The items
   * of the instance are fetched at once, then the project's keys if they apply; the failures are
   * listed in the same order as when they were fetched one by one.
   */
  @Override
  public PartialMetadata fetchPartialMetadata(Deadline deadline) throws InterruptedException {
    PartialMetadata.Failures failures = new PartialMetadata.Failures();
    PartialMetadata.Pending<String> id = failures.start(() -> text("instance/id", deadline));
    PartialMetadata.Pending<String> host =
        failures.start(() -> text("instance/hostname", deadline));
    PartialMetadata.Pending<String> internal =
        failures.start(() -> ip("instance/network-interfaces/0/ip", deadline));
    PartialMetadata.Pending<String> external =
        failures.start(
            () -> ip("instance/network-interfaces/0/access-configs/0/external-ip", deadline));
    PartialMetadata.Pending<String> legacyKeys =
        failures.start(() -> text("instance/attributes/sshKeys", deadline));
    PartialMetadata.Pending<String> instanceKeys =
        failures.start(() -> text("instance/attributes/ssh-keys", deadline));
    PartialMetadata.Pending<String> block =
        failures.start(() -> text("instance/attributes/block-project-ssh-keys", deadline));
    Optional<String> instanceId = failures.join(id);
    Optional<String> hostname = failures.join(host);
    Optional<String> internalIp = failures.join(internal);
    Optional<String> externalIp = failures.join(external);
    Map<String, String> keys = sshKeys(legacyKeys, instanceKeys, block, deadline, failures);
    return new PartialMetadata(
        new Metadata(
            instanceId,
            hostname,
            externalIp,
            internalIp,
            Optional.empty(),
            Optional.empty(),
            keys,
            Optional.empty()),
        failures.list());
  }

  /**
   * Instance keys (ssh-keys, legacy sshKeys), then project keys unless blocked. When the instance's
   * legacy keys or the block setting cannot be read, project keys are not added: they might be
   * meant to be left out.
   */
  private Map<String, String> sshKeys(
      PartialMetadata.Pending<String> legacyKeys,
      PartialMetadata.Pending<String> instanceKeys,
      PartialMetadata.Pending<String> blockSetting,
      Deadline deadline,
      PartialMetadata.Failures failures)
      throws InterruptedException {
    Map<String, String> keys = GceSshKeys.newMap();
    int before = failures.list().size();
    Optional<String> legacyInstance = failures.join(legacyKeys);
    add(failures.join(instanceKeys), keys);
    add(legacyInstance, keys);
    Optional<String> block = failures.join(blockSetting);
    boolean blocked = block.map(v -> v.equalsIgnoreCase("true")).orElse(false);
    boolean known = failures.list().size() == before;
    // Legacy semantics: instance-level sshKeys replace the project's keys.
    if (known && !blocked && legacyInstance.isEmpty()) {
      PartialMetadata.Pending<String> project =
          failures.start(() -> text("project/attributes/ssh-keys", deadline));
      PartialMetadata.Pending<String> legacyProject =
          failures.start(() -> text("project/attributes/sshKeys", deadline));
      add(failures.join(project), keys);
      add(failures.join(legacyProject), keys);
    }
    return keys;
  }

  private void add(Optional<String> attribute, Map<String, String> keys) {
    attribute.ifPresent(a -> GceSshKeys.parse(a.lines().toList(), clock.instant(), keys));
  }

  private Optional<String> ip(String path, Deadline deadline)
      throws DatasourceException, InterruptedException {
    Optional<String> t = text(path, deadline);
    return t.isEmpty() ? t : IpAddresses.parse(path, t.get());
  }

  private Optional<String> text(String path, Deadline deadline)
      throws DatasourceException, InterruptedException {
    return get(path, deadline).map(HttpSources::text).flatMap(HttpSources::nonBlank);
  }

  private Optional<byte[]> get(String path, Deadline deadline)
      throws DatasourceException, InterruptedException {
    return HttpSources.get(client, request(path), path, HINTS, deadline);
  }

  private MetadataRequest request(String path) {
    return MetadataRequest.get(base.resolve(path))
        .header(FLAVOR, "Google")
        .requireResponseHeader(FLAVOR, "Google");
  }
}
