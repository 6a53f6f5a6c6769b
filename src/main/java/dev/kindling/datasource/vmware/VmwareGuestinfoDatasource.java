package dev.kindling.datasource.vmware;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.datasource.ArgumentKind;
import dev.kindling.datasource.AutoDetect;
import dev.kindling.datasource.ContentEncoding;
import dev.kindling.datasource.Datasource;
import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.DatasourceType;
import dev.kindling.datasource.Deadline;
import dev.kindling.datasource.Platform;
import dev.kindling.datasource.UrlFetcher;
import dev.kindling.metadata.Metadata;
import dev.kindling.value.JsonTree;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * VMware guestinfo variables ({@code --from-vmware-guestinfo}, type {@code vmware-guestinfo}): user
 * data from {@code coreos.config.data} decoded per {@code coreos.config.data.encoding}, else
 * downloaded from {@code coreos.config.url}; metadata from {@code hostname} and the {@code
 * interface.*} / {@code dns.*} variables, which also become the {@code vmware} network
 * configuration. Checked once: a VM does not become a VMware VM later.
 *
 * <p>Wiring: {@code new VmwareGuestinfoDatasource(new RpctoolGuestinfoSource(new
 * ProcessCommandRunner(), Path.of("/")), url -> metadataClient...)}, or with an {@link
 * OvfEnvironmentGuestinfoSource} for an OVF environment file.
 */
public final class VmwareGuestinfoDatasource implements Datasource {
  /** {@code --from-vmware-guestinfo}: the hypervisor's variables; {@code --auto} on VMware. */
  public static final DatasourceType GUESTINFO =
      DatasourceType.of(
              "vmware-guestinfo",
              "from-vmware-guestinfo",
              ArgumentKind.NONE,
              "Read VMware guestinfo variables.",
              (none, context) ->
                  new VmwareGuestinfoDatasource(
                      "vmware-guestinfo",
                      new RpctoolGuestinfoSource(context.commands(), context.systemRoot()),
                      context.urlFetcher()))
          .withLauncherUsage("Read data from VMware guestinfo")
          .withAuto(AutoDetect.onPlatform(Platform.VMWARE));

  /**
   * {@code --from-vmware-ovf-env FILE}: the same variables from an OVF environment document, as a
   * vApp's ISO delivers it (usually {@code /media/ovfenv/ovf-env.xml}).
   */
  public static final DatasourceType OVF_ENV =
      DatasourceType.of(
              "vmware-ovf-env",
              "from-vmware-ovf-env",
              ArgumentKind.FILE,
              "Read VMware guestinfo variables from an OVF environment file.",
              (file, context) ->
                  new VmwareGuestinfoDatasource(
                      "vmware-ovf-env",
                      new OvfEnvironmentGuestinfoSource(Path.of(file)),
                      context.urlFetcher()))
          .withLauncherUsage("Read data from OVF Environment");

  /** Indexes are contiguous from 0; this bounds a source that answers every key. */
  static final int MAX_INDEX = 256;

  private final String type;
  private final GuestinfoSource source;
  private final UrlFetcher fetcher;

  /**
   * A source.
   *
   * @param source where the variables are read
   * @param fetcher downloads {@code coreos.config.url}
   */
  public VmwareGuestinfoDatasource(GuestinfoSource source, UrlFetcher fetcher) {
    this("vmware-guestinfo", source, fetcher);
  }

  /** A source of type {@code type} ({@code vmware-guestinfo} or {@code vmware-ovf-env}). */
  public VmwareGuestinfoDatasource(String type, GuestinfoSource source, UrlFetcher fetcher) {
    this.type = Objects.requireNonNull(type, "type");
    this.source = Objects.requireNonNull(source, "source");
    this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public boolean isAvailable(Deadline deadline) throws InterruptedException {
    return source.isAvailable(deadline);
  }

  @Override
  public boolean availabilityChanges() {
    return false;
  }

  @Override
  public Optional<byte[]> fetchUserData(Deadline deadline)
      throws DatasourceException, InterruptedException {
    Optional<String> data = source.get("coreos.config.data", deadline);
    if (data.isPresent()) {
      String encoding = source.get("coreos.config.data.encoding", deadline).orElse("").strip();
      byte[] decoded =
          ContentEncoding.decode(
              encoding.toLowerCase(Locale.ROOT),
              data.get().getBytes(StandardCharsets.UTF_8),
              "guestinfo.coreos.config.data");
      return Optional.of(decoded).filter(b -> b.length > 0);
    }
    Optional<String> url = source.get("coreos.config.url", deadline);
    if (url.isPresent()) {
      return Optional.of(fetcher.fetch(httpUri(url.get().strip()), deadline))
          .filter(b -> b.length > 0);
    }
    return Optional.empty();
  }

  private static URI httpUri(String text) throws DatasourceException {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new DatasourceException(
        "failed to read guestinfo.coreos.config.url: not an http(s) URL: " + text);
  }

  @Override
  public Metadata fetchMetadata(Deadline deadline)
      throws DatasourceException, InterruptedException {
    VmwareNetworkKeys keys = VmwareNetworkKeys.read(source, deadline);
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    for (Map.Entry<String, String> e : keys.values().entrySet()) {
      json.put(e.getKey(), e.getValue());
    }
    return new Metadata(
        Optional.empty(),
        source.get("hostname", deadline).map(String::strip).filter(h -> !h.isEmpty()),
        keys.publicIpv4(),
        keys.privateIpv4(),
        keys.publicIpv6(),
        keys.privateIpv6(),
        Map.of(),
        Optional.of(new Metadata.NetworkConfig("vmware", JsonTree.write(json))));
  }

  @Override
  public String toString() {
    return "VmwareGuestinfoDatasource[" + source + "]";
  }
}
