package dev.kindling.datasource.configdrive;

import dev.kindling.datasource.ArgumentKind;
import dev.kindling.datasource.Datasource;
import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.DatasourceType;
import dev.kindling.datasource.Deadline;
import dev.kindling.datasource.JsonFields;
import dev.kindling.datasource.LocalFiles;
import dev.kindling.metadata.Metadata;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenStack config-drive mounted (or copied) at a directory ({@code --from-configdrive DIR},
 * type {@code configdrive}): {@code openstack/latest/user_data} and {@code meta_data.json}, else
 * the newest dated version directory; the {@code ec2/latest} tree when there is no openstack tree.
 * Missing files are "nothing there", never errors; every file read must stay inside the drive
 * (symbolic links included).
 *
 * <p>Wiring: {@code new ConfigDriveDatasource(options.fromConfigDrive)}; for label discovery use
 * {@link LabeledConfigDriveDatasource}.
 */
public final class ConfigDriveDatasource implements Datasource {
  /** {@code --from-configdrive DIR}: a mounted config-drive. */
  public static final DatasourceType TYPE =
      DatasourceType.of(
              "configdrive",
              "from-configdrive",
              ArgumentKind.DIRECTORY,
              "Read user data and metadata from a mounted config-drive.",
              (dir, context) -> new ConfigDriveDatasource(Path.of(dir)))
          .withLauncherUsage("Read data from provided cloud-drive directory")
          .withDefault("/media/configdrive");

  private static final Logger LOG = LoggerFactory.getLogger(ConfigDriveDatasource.class);
  private static final Pattern DATED_VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final Path root;

  /** A config-drive whose top directory (holding {@code openstack/}) is {@code root}. */
  public ConfigDriveDatasource(Path root) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
  }

  @Override
  public String type() {
    return TYPE.name();
  }

  @Override
  public boolean isAvailable(Deadline deadline) {
    return Files.isDirectory(root);
  }

  @Override
  public boolean availabilityChanges() {
    return true;
  }

  @Override
  public Optional<byte[]> fetchUserData(Deadline deadline)
      throws DatasourceException, InterruptedException {
    Optional<Path> openstack = versionDirectory(root.resolve("openstack"));
    if (openstack.isPresent()) {
      return read(openstack.get().resolve("user_data"), deadline).filter(b -> b.length > 0);
    }
    Optional<Path> ec2 = versionDirectory(root.resolve("ec2"));
    if (ec2.isPresent()) {
      return read(ec2.get().resolve("user-data"), deadline).filter(b -> b.length > 0);
    }
    LOG.debug("no openstack/ or ec2/ tree in {}", root);
    return Optional.empty();
  }

  @Override
  public Metadata fetchMetadata(Deadline deadline)
      throws DatasourceException, InterruptedException {
    Optional<Path> openstack = versionDirectory(root.resolve("openstack"));
    if (openstack.isPresent()) {
      return openStackMetadata(openstack.get(), deadline);
    }
    Optional<Path> ec2 = versionDirectory(root.resolve("ec2"));
    if (ec2.isPresent()) {
      Path file = ec2.get().resolve("meta-data.json");
      Optional<byte[]> json = read(file, deadline);
      return json.isEmpty()
          ? Metadata.empty()
          : ConfigDriveMetadata.fromEc2(JsonFields.parseObject(json.get(), file.toString()), file);
    }
    return Metadata.empty();
  }

  private Metadata openStackMetadata(Path version, Deadline deadline)
      throws DatasourceException, InterruptedException {
    Path metaFile = version.resolve("meta_data.json");
    Optional<byte[]> metaJson = read(metaFile, deadline);
    Metadata metadata = Metadata.empty();
    Optional<Metadata.NetworkConfig> network = Optional.empty();
    if (metaJson.isPresent()) {
      var meta = JsonFields.parseObject(metaJson.get(), metaFile.toString());
      metadata = ConfigDriveMetadata.fromOpenStack(meta, metaFile);
      Optional<String> contentPath = ConfigDriveMetadata.networkContentPath(meta, metaFile);
      if (contentPath.isPresent()) {
        network = debianNetworkConfig(version.getParent(), contentPath.get(), deadline);
      }
    }
    if (network.isEmpty()) {
      Path file = version.resolve("network_data.json");
      Optional<byte[]> json = read(file, deadline);
      if (json.isPresent()) {
        JsonFields.parseObject(json.get(), file.toString()); // refuse malformed network data
        network = Optional.of(new Metadata.NetworkConfig("openstack", utf8(json.get())));
      }
    }
    return network.isEmpty() ? metadata : ConfigDriveMetadata.withNetwork(metadata, network.get());
  }

  /**
   * {@code network_config.content_path}, read relative to {@code openstack/} as the original did.
   */
  private Optional<Metadata.NetworkConfig> debianNetworkConfig(
      Path openstackDir, String contentPath, Deadline deadline)
      throws DatasourceException, InterruptedException {
    Path file;
    try {
      file = openstackDir.resolve(contentPath.replaceFirst("^/+", "")).normalize();
    } catch (InvalidPathException e) {
      throw new DatasourceException(
          "failed to read network config: content_path \"" + contentPath + "\" is not a path");
    }
    if (!file.startsWith(root)) {
      throw new DatasourceException(
          "failed to read network config: content_path \""
              + contentPath
              + "\" leads out of the config-drive");
    }
    return read(file, deadline).map(b -> new Metadata.NetworkConfig("debian", utf8(b)));
  }

  /** The file's bytes when it exists and really lies inside the drive; empty when missing. */
  private Optional<byte[]> read(Path file, Deadline deadline)
      throws DatasourceException, InterruptedException {
    LOG.debug("reading {}", file);
    Path real;
    Path realRoot;
    try {
      real = file.toRealPath();
      realRoot = root.toRealPath();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new DatasourceException("failed to read " + file + ": " + LocalFiles.describe(e), e);
    }
    if (!real.startsWith(realRoot)) {
      throw new DatasourceException(
          "failed to read " + file + ": it is a link that leads out of the config-drive");
    }
    return LocalFiles.readIfExists(real, deadline);
  }

  /** {@code parent/latest}, else the newest {@code YYYY-MM-DD} directory, else empty. */
  private static Optional<Path> versionDirectory(Path parent) throws DatasourceException {
    Path latest = parent.resolve("latest");
    if (Files.isDirectory(latest)) {
      return Optional.of(latest);
    }
    if (!Files.isDirectory(parent)) {
      return Optional.empty();
    }
    Optional<Path> newest = Optional.empty();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (DATED_VERSION.matcher(name).matches()
            && Files.isDirectory(entry)
            && (newest.isEmpty() || name.compareTo(newest.get().getFileName().toString()) > 0)) {
          newest = Optional.of(entry);
        }
      }
    } catch (IOException e) {
      throw new DatasourceException("failed to list " + parent + ": " + LocalFiles.describe(e), e);
    }
    newest.ifPresent(v -> LOG.info("{} has no latest/; using version {}", parent, v.getFileName()));
    return newest;
  }

  private static String utf8(byte[] bytes) {
    return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "ConfigDriveDatasource[" + root + "]";
  }
}
