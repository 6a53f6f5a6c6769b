package dev.kindling.datasource.cloudsigma;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindling.datasource.ArgumentKind;
import dev.kindling.datasource.AutoDetect;
import dev.kindling.datasource.ContentEncoding;
import dev.kindling.datasource.Datasource;
import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.DatasourceType;
import dev.kindling.datasource.Deadline;
import dev.kindling.datasource.IpAddresses;
import dev.kindling.datasource.JsonFields;
import dev.kindling.datasource.LocalFiles;
import dev.kindling.datasource.LocalInterfaces;
import dev.kindling.datasource.Platform;
import dev.kindling.metadata.Metadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CloudSigma server context on the serial port ({@code --from-cloudsigma-metadata}, type {@code
 * cloudsigma-metadata}): available when the DMI product name starts with {@code CloudSigma};
 * metadata from the whole context (name or uuid, {@code meta.ssh_public_key}, the NICs' addresses),
 * user data from {@code meta["cloudinit-user-data"]}, base64-decoded when {@code
 * meta["base64_fields"]} lists it.
 *
 * <p>Wiring: {@code new CloudSigmaDatasource(new
 * SerialServerContextPort(SerialServerContextPort.DEFAULT_DEVICE, runner), Path.of("/"),
 * LocalInterfaces.system())}.
 */
public final class CloudSigmaDatasource implements Datasource {
  /** {@code --from-cloudsigma-metadata}: the server context on the serial port; {@code --auto}. */
  public static final DatasourceType TYPE =
      DatasourceType.of(
              "cloudsigma-metadata",
              "from-cloudsigma-metadata",
              ArgumentKind.NONE,
              "Read the CloudSigma server context from the serial port.",
              (none, context) ->
                  new CloudSigmaDatasource(
                      new SerialServerContextPort(
                          SerialServerContextPort.DEFAULT_DEVICE, context.commands()),
                      context.systemRoot(),
                      context.interfaces()))
          .withLauncherUsage("Download data from CloudSigma server context")
          .withAuto(AutoDetect.onPlatform(Platform.CLOUDSIGMA));

  private static final Logger LOG = LoggerFactory.getLogger(CloudSigmaDatasource.class);
  private static final byte[] PRODUCT = "CloudSigma".getBytes(StandardCharsets.US_ASCII);
  static final String USER_DATA_FIELD = "cloudinit-user-data";

  private final ServerContextPort port;
  private final Path root;
  private final LocalInterfaces interfaces;

  /**
   * A source.
   *
   * @param port the serial line of the server context
   * @param root the root the DMI files are read under ({@code /} in production)
   * @param interfaces finds the private address of the NIC on a VLAN
   */
  public CloudSigmaDatasource(ServerContextPort port, Path root, LocalInterfaces interfaces) {
    this.port = Objects.requireNonNull(port, "port");
    this.root = Objects.requireNonNull(root, "root");
    this.interfaces = Objects.requireNonNull(interfaces, "interfaces");
  }

  @Override
  public String type() {
    return TYPE.name();
  }

  @Override
  public boolean isAvailable(Deadline deadline) throws InterruptedException {
    Path productName = root.resolve("sys/class/dmi/id/product_name");
    try {
      return LocalFiles.readPrefixIfExists(productName, PRODUCT.length, deadline)
          .map(b -> Arrays.equals(b, PRODUCT))
          .orElse(false);
    } catch (DatasourceException e) {
      LOG.debug("{}", e.getMessage());
      return false;
    }
  }

  @Override
  public boolean availabilityChanges() {
    return true;
  }

  @Override
  public Optional<byte[]> fetchUserData(Deadline deadline)
      throws DatasourceException, InterruptedException {
    JsonNode meta = JsonFields.parseObject(query("/meta/", deadline), "the server context /meta/");
    String what = "the server context meta";
    Optional<String> userData = JsonFields.text(meta, USER_DATA_FIELD, what);
    if (userData.isEmpty()) {
      return Optional.empty();
    }
    byte[] bytes = userData.get().getBytes(StandardCharsets.UTF_8);
    boolean encoded = false;
    for (String field : JsonFields.text(meta, "base64_fields", what).orElse("").split(",", -1)) {
      encoded |= field.strip().equals(USER_DATA_FIELD);
    }
    if (encoded) {
      // The original turned a decoding failure into empty user data; we say what is wrong.
      bytes =
          ContentEncoding.base64(bytes, "meta." + USER_DATA_FIELD + " (listed in base64_fields)");
    }
    return Optional.of(bytes).filter(b -> b.length > 0);
  }

  @Override
  public Metadata fetchMetadata(Deadline deadline)
      throws DatasourceException, InterruptedException {
    String what = "the server context";
    JsonNode context = JsonFields.parseObject(query("", deadline), what);
    Optional<String> uuid = JsonFields.text(context, "uuid", what);
    Optional<String> hostname = JsonFields.text(context, "name", what).or(() -> uuid);
    Map<String, String> keys = new LinkedHashMap<>();
    Optional<JsonNode> meta = JsonFields.object(context, "meta", what);
    if (meta.isPresent()) {
      Optional<String> key = JsonFields.text(meta.get(), "ssh_public_key", what + " meta");
      if (key.isPresent() && !key.get().isBlank()) {
        String[] words = key.get().strip().split("\\s+", -1);
        keys.put(words[words.length - 1], key.get().strip());
      }
    }
    Optional<String> publicIpv4 = Optional.empty();
    Optional<String> privateIpv4 = Optional.empty();
    Optional<JsonNode> nics = JsonFields.array(context, "nics", what);
    for (int i = 0; nics.isPresent() && i < nics.get().size(); i++) {
      String nicWhat = what + " nics[" + i + "]";
      JsonNode nic = nics.get().get(i);
      if (!nic.isObject()) {
        throw new DatasourceException(
            "failed to read " + nicWhat + ": want an object, found " + JsonFields.kind(nic));
      }
      Optional<JsonNode> ipObject = nested(nic, nicWhat, "ip_v4_conf", "ip");
      Optional<String> ip =
          ipObject.isPresent()
              ? JsonFields.text(ipObject.get(), "uuid", nicWhat + " ip_v4_conf.ip")
              : Optional.empty();
      if (ip.isPresent() && publicIpv4.isEmpty()) {
        publicIpv4 = IpAddresses.ipv4(ip.get().strip());
        if (publicIpv4.isEmpty()) {
          throw new DatasourceException(
              "failed to read "
                  + nicWhat
                  + ": ip_v4_conf.ip.uuid is not an IPv4 address: "
                  + ip.get());
        }
      }
      Optional<JsonNode> vlan = JsonFields.object(nic, "vlan", nicWhat);
      Optional<String> vlanUuid =
          vlan.isPresent()
              ? JsonFields.text(vlan.get(), "uuid", nicWhat + " vlan")
              : Optional.empty();
      Optional<String> mac = JsonFields.text(nic, "mac", nicWhat);
      if (vlanUuid.isPresent() && mac.isPresent() && privateIpv4.isEmpty()) {
        privateIpv4 = interfaces.ipv4OfMac(mac.get());
        if (privateIpv4.isEmpty()) {
          LOG.warn("no local IPv4 address on the VLAN interface {} (yet)", mac.get());
        }
      }
    }
    return new Metadata(
        uuid,
        hostname,
        publicIpv4,
        privateIpv4,
        Optional.empty(),
        Optional.empty(),
        keys,
        Optional.empty());
  }

  private static Optional<JsonNode> nested(JsonNode node, String what, String outer, String inner)
      throws DatasourceException {
    Optional<JsonNode> o = JsonFields.object(node, outer, what);
    return o.isEmpty() ? Optional.empty() : JsonFields.object(o.get(), inner, what + " " + outer);
  }

  private byte[] query(String key, Deadline deadline)
      throws DatasourceException, InterruptedException {
    try (ServerContextPort.Streams line = port.open(deadline)) {
      return new ServerContextClient(line.in(), line.out()).query(key, deadline);
    } catch (IOException e) {
      throw new DatasourceException(
          "failed to query the CloudSigma server context on " + port + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "CloudSigmaDatasource[" + port + "]";
  }
}
