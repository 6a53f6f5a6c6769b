package dev.kindling.datasource.ec2;

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
import dev.kindling.datasource.ProbeFailure;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.datasource.http.MetadataHttpException;
import dev.kindling.metadata.Metadata;
import java.net.URI;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The EC2 instance metadata service (IMDS; also EC2-compatible services such as OpenStack's):
 * user-data, instance id, hostname, IPv4/IPv6 addresses and public keys from {@code latest/},
 * through an {@link Ec2Session} (IMDSv2 with IMDSv1 fallback).
 *
 * @see <a
 *     href="https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html">AWS:
 *     retrieve instance metadata</a>
 */
public final class Ec2MetadataDatasource extends HttpDatasource {
  /** The real IMDS address; never used in tests. */
  public static final URI DEFAULT_BASE = URI.create("http://169.254.169.254/");

  /** {@code --from-ec2-metadata URL}; {@code --auto} on EC2. */
  public static final DatasourceType TYPE =
      DatasourceType.of(
              "ec2-metadata",
              "from-ec2-metadata",
              ArgumentKind.URL,
              "EC2 instance metadata service base URL.",
              (url, context) -> new Ec2MetadataDatasource(context.client(), URI.create(url)))
          .withLauncherUsage("Download EC2 data from the provided url")
          .withDefault(DEFAULT_BASE.toString())
          .withAuto(AutoDetect.onPlatform(Platform.EC2));

  private static final Logger LOG = LoggerFactory.getLogger(Ec2MetadataDatasource.class);
  private static final String META = "latest/meta-data/";

  private final Ec2Session session;
  private volatile Optional<String> probedInstanceId = Optional.empty();

  /** A datasource for the IMDS at {@code base} (e.g. {@code http://127.0.0.1:8080/} in tests). */
  public Ec2MetadataDatasource(MetadataClient client, URI base) {
    super(
        TYPE, new HttpProbe(META + "instance-id", "not an EC2 metadata service", Ec2Session.HINTS));
    this.session = new Ec2Session(client, HttpSources.directory(base));
  }

  @Override
  public boolean isAvailable(Deadline deadline) throws InterruptedException {
    Optional<byte[]> id;
    try {
      id = probe().get(() -> session.get(META + "instance-id", deadline));
    } catch (Ec2Session.SetupException e) {
      probe().failed(new ProbeFailure(e.getMessage(), e.permanent()));
      return false;
    }
    if (id.isPresent()) {
      probedInstanceId = HttpSources.nonBlank(HttpSources.text(id.get()));
    }
    return id.isPresent();
  }

  @Override
  public Optional<byte[]> fetchUserData(Deadline deadline)
      throws DatasourceException, InterruptedException {
    return get("user-data", "latest/user-data", deadline); // 404: the instance has no user data
  }

  @Override
  public Metadata fetchMetadata(Deadline deadline)
      throws DatasourceException, InterruptedException {
    return fetchPartialMetadata(deadline).orThrow();
  }

  /**
   * Every item that arrives is kept; each one that fails is listed (a 404 is "not set"). The items
   * are fetched at once, in the session the probe set up (its IMDSv2 token); the failures are
   * listed in the same order as when they were fetched one by one.
   */
  @Override
  public PartialMetadata fetchPartialMetadata(Deadline deadline) throws InterruptedException {
    PartialMetadata.Failures failures = new PartialMetadata.Failures();
    Optional<String> probed = probedInstanceId;
    PartialMetadata.Pending<String> id =
        probed.isPresent() ? null : failures.start(() -> text("instance-id", deadline));
    PartialMetadata.Pending<String> host = failures.start(() -> text("hostname", deadline));
    PartialMetadata.Pending<String> local = failures.start(() -> ip("local-ipv4", deadline));
    PartialMetadata.Pending<String> pub = failures.start(() -> ip("public-ipv4", deadline));
    // Global unicast IPv6 of the primary interface (exposed at the top level since 2021-01-03).
    PartialMetadata.Pending<String> v6 = failures.start(() -> ip("ipv6", deadline));
    PartialMetadata.Pending<String> index = failures.start(() -> text("public-keys/", deadline));
    Optional<String> instanceId = id == null ? probed : failures.join(id);
    Optional<String> hostname =
        failures
            .join(host)
            .map(h -> HttpSources.firstLine(h).split("\\s+", 2)[0])
            .flatMap(HttpSources::nonBlank);
    Optional<String> privateV4 = failures.join(local);
    Optional<String> publicV4 = failures.join(pub);
    Optional<String> ipv6 = failures.join(v6);
    Map<String, String> keys = publicKeys(failures.join(index), deadline, failures);
    return new PartialMetadata(
        new Metadata(
            instanceId,
            hostname,
            publicV4,
            privateV4,
            ipv6,
            Optional.empty(),
            keys,
            Optional.empty()),
        failures.list());
  }

  /**
   * {@code public-keys/} lists {@code <index>=<name>}; each key is {@code <index>/openssh-key},
   * fetched at once. A key that cannot be fetched (or a malformed line) is listed as a failure; the
   * others are kept.
   */
  private Map<String, String> publicKeys(
      Optional<String> index, Deadline deadline, PartialMetadata.Failures failures)
      throws InterruptedException {
    Map<String, String> keys = new LinkedHashMap<>();
    if (index.isEmpty()) {
      return keys;
    }
    // Each line in order: a malformed one (null) or a key being fetched, with its name.
    List<Map.Entry<String, PartialMetadata.Pending<String>>> lines = new ArrayList<>();
    for (String line : index.get().lines().toList()) {
      String l = line.strip();
      if (l.isEmpty()) {
        continue;
      }
      int eq = l.indexOf('=');
      if (eq <= 0) {
        lines.add(new AbstractMap.SimpleImmutableEntry<>(l, null));
        continue;
      }
      String i = l.substring(0, eq);
      lines.add(
          new AbstractMap.SimpleImmutableEntry<>(
              l.substring(eq + 1),
              failures.start(() -> text("public-keys/" + i + "/openssh-key", deadline))));
    }
    for (Map.Entry<String, PartialMetadata.Pending<String>> line : lines) {
      if (line.getValue() == null) {
        failures.add("failed to read public-keys: malformed line \"" + line.getKey() + "\"");
        continue;
      }
      String name = line.getKey();
      Optional<String> key =
          failures.join(line.getValue()).map(HttpSources::firstLine).flatMap(HttpSources::nonBlank);
      if (key.isPresent()) {
        LOG.info("found SSH key for \"{}\"", name);
        keys.put(name, key.get());
      }
    }
    return keys;
  }

  private Optional<String> ip(String item, Deadline deadline)
      throws DatasourceException, InterruptedException {
    Optional<String> t = text(item, deadline);
    return t.isEmpty() ? Optional.empty() : IpAddresses.parse(item, t.get());
  }

  private Optional<String> text(String item, Deadline deadline)
      throws DatasourceException, InterruptedException {
    return get(item, META + item, deadline).map(HttpSources::text).flatMap(HttpSources::nonBlank);
  }

  private Optional<byte[]> get(String item, String path, Deadline deadline)
      throws DatasourceException, InterruptedException {
    try {
      return session.get(path, deadline);
    } catch (MetadataHttpException e) {
      throw HttpSources.fetchFailed(item, e, Ec2Session.HINTS);
    }
  }
}
