package dev.kindling.datasource;

import dev.kindling.metadata.Metadata;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * User data from standard input ({@code --from-file -}, type {@code local-file}): read once, to the
 * end, at most {@link LocalFiles#MAX_BYTES}; no metadata. Always available.
 */
public final class StdinDatasource implements Datasource {
  private final InputStream in;
  private byte[] data;

  /** A source reading {@code in} (standard input). */
  public StdinDatasource(InputStream in) {
    this.in = Objects.requireNonNull(in, "in");
  }

  @Override
  public String type() {
    return FileDatasource.TYPE.name();
  }

  @Override
  public boolean isAvailable(Deadline deadline) {
    return true;
  }

  @Override
  public boolean availabilityChanges() {
    return false;
  }

  @Override
  public synchronized Optional<byte[]> fetchUserData(Deadline deadline) throws DatasourceException {
    if (data == null) {
      data = read();
    }
    return data.length == 0 ? Optional.empty() : Optional.of(data.clone());
  }

  private byte[] read() throws DatasourceException {
    byte[] buffer = new byte[8192];
    int size = 0;
    try {
      while (true) {
        if (size == buffer.length) {
          if (size > LocalFiles.MAX_BYTES) {
            throw new DatasourceException(
                "standard input is larger than " + LocalFiles.MAX_BYTES / (1024 * 1024) + " MiB");
          }
          buffer = Arrays.copyOf(buffer, Math.min(size * 2, LocalFiles.MAX_BYTES + 1));
        }
        int n = in.read(buffer, size, buffer.length - size);
        if (n < 0) {
          return Arrays.copyOf(buffer, size);
        }
        size += n;
      }
    } catch (IOException e) {
      throw new DatasourceException("failed to read standard input: " + LocalFiles.describe(e));
    }
  }

  @Override
  public Metadata fetchMetadata(Deadline deadline) {
    return Metadata.empty();
  }

  @Override
  public String toString() {
    return "StdinDatasource";
  }
}
