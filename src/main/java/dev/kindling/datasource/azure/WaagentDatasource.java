package dev.kindling.datasource.azure;

import dev.kindling.datasource.ArgumentKind;
import dev.kindling.datasource.AutoDetect;
import dev.kindling.datasource.ContentEncoding;
import dev.kindling.datasource.Datasource;
import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.DatasourceType;
import dev.kindling.datasource.Deadline;
import dev.kindling.datasource.LocalFiles;
import dev.kindling.datasource.Platform;
import dev.kindling.metadata.Metadata;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Azure through the directory the Azure Linux agent (waagent) fills ({@code --from-waagent DIR},
 * type {@code waagent}, {@code /var/lib/waagent} on Azure): available once {@code DIR/provisioned}
 * exists. User data from {@code CustomData} (decoded when waagent left it base64-encoded), else
 * from the base64 {@code <CustomData>} of {@code ovf-env.xml}; metadata from {@code
 * SharedConfig.xml} (private and public IPv4) and {@code ovf-env.xml} (hostname, SSH keys).
 *
 * <p>Wiring: {@code new WaagentDatasource(options.fromWaagent)}.
 */
public final class WaagentDatasource implements Datasource {
  /** {@code --from-waagent DIR}; {@code --auto} on Azure. */
  public static final DatasourceType TYPE =
      DatasourceType.of(
              "waagent",
              "from-waagent",
              ArgumentKind.DIRECTORY,
              "Read Azure waagent data (CustomData, SharedConfig.xml) from DIR.",
              (dir, context) -> new WaagentDatasource(Path.of(dir)))
          .withLauncherUsage("Read data from provided waagent directory")
          .withDefault("/var/lib/waagent")
          .withAuto(AutoDetect.onPlatform(Platform.AZURE));

  private static final Logger LOG = LoggerFactory.getLogger(WaagentDatasource.class);

  private final Path dir;

  /** A source reading the waagent directory {@code dir}. */
  public WaagentDatasource(Path dir) {
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  @Override
  public String type() {
    return TYPE.name();
  }

  @Override
  public boolean isAvailable(Deadline deadline) {
    return LocalFiles.exists(dir.resolve("provisioned"));
  }

  @Override
  public boolean availabilityChanges() {
    return true;
  }

  @Override
  public Optional<byte[]> fetchUserData(Deadline deadline)
      throws DatasourceException, InterruptedException {
    Path customData = dir.resolve("CustomData");
    Optional<byte[]> raw = LocalFiles.readIfExists(customData, deadline);
    if (raw.isPresent()) {
      // waagent decodes CustomData only with Provisioning.DecodeCustomData=y; otherwise the file
      // holds base64 text. User data is never pure base64 (a cloud-config or script has '#').
      Optional<byte[]> decoded = ContentEncoding.strictBase64(raw.get());
      if (decoded.isPresent()) {
        LOG.info("{} is base64-encoded; decoded it", customData);
        return decoded.filter(b -> b.length > 0);
      }
      return raw.filter(b -> b.length > 0);
    }
    Path ovfEnv = dir.resolve("ovf-env.xml");
    Optional<byte[]> xml = LocalFiles.readIfExists(ovfEnv, deadline);
    if (xml.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> encoded = WaagentXml.customData(xml.get(), ovfEnv.toString());
    if (encoded.isEmpty()) {
      return Optional.empty();
    }
    byte[] decoded =
        ContentEncoding.base64(
            encoded.get().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            ovfEnv + " <CustomData>");
    return Optional.of(decoded).filter(b -> b.length > 0);
  }

  @Override
  public Metadata fetchMetadata(Deadline deadline)
      throws DatasourceException, InterruptedException {
    Path sharedConfig = dir.resolve("SharedConfig.xml");
    Optional<byte[]> shared = LocalFiles.readIfExists(sharedConfig, deadline);
    WaagentXml.Addresses addresses =
        shared.isEmpty()
            ? new WaagentXml.Addresses(Optional.empty(), Optional.empty())
            : WaagentXml.addresses(shared.get(), sharedConfig.toString());
    Path ovfEnv = dir.resolve("ovf-env.xml");
    Optional<byte[]> ovf = LocalFiles.readIfExists(ovfEnv, deadline);
    WaagentXml.Provisioning provisioning =
        ovf.isEmpty()
            ? new WaagentXml.Provisioning(Optional.empty(), java.util.Map.of())
            : WaagentXml.provisioning(ovf.get(), ovfEnv.toString());
    return new Metadata(
        Optional.empty(),
        provisioning.hostname(),
        addresses.publicIpv4(),
        addresses.privateIpv4(),
        Optional.empty(),
        Optional.empty(),
        provisioning.sshKeys(),
        Optional.empty());
  }

  @Override
  public String toString() {
    return "WaagentDatasource[" + dir + "]";
  }
}
