package dev.kindling.datasource;

import dev.kindling.metadata.Metadata;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * User data from a local file ({@code --from-file FILE}, type {@code local-file}); no metadata. A
 * missing file is "not yet available" and worth probing again (as in the original), so an installer
 * may still write it; an empty file is "no user data".
 *
 * <p>Wiring: {@code new FileDatasource(options.fromFile)}.
 */
public final class FileDatasource implements Datasource {
  /** {@code --from-file FILE}: the file is the user data. */
  public static final DatasourceType TYPE =
      DatasourceType.of(
              "local-file",
              "from-file",
              ArgumentKind.FILE,
              "Read user data from FILE.",
              (file, context) -> new FileDatasource(Path.of(file)))
          .withLauncherUsage("Read user-data from provided file");

  private final Path file;

  /** A source reading {@code file}. */
  public FileDatasource(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  @Override
  public String type() {
    return TYPE.name();
  }

  @Override
  public boolean isAvailable(Deadline deadline) {
    return LocalFiles.exists(file);
  }

  @Override
  public boolean availabilityChanges() {
    return true;
  }

  @Override
  public Optional<byte[]> fetchUserData(Deadline deadline)
      throws DatasourceException, InterruptedException {
    Optional<byte[]> data = LocalFiles.readIfExists(file, deadline);
    if (data.isEmpty()) {
      throw new DatasourceException("failed to read " + file + ": no such file");
    }
    return data.filter(bytes -> bytes.length > 0);
  }

  @Override
  public Metadata fetchMetadata(Deadline deadline) {
    return Metadata.empty();
  }

  @Override
  public String toString() {
    return "FileDatasource[" + file + "]";
  }
}
