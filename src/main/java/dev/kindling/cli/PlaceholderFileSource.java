package dev.kindling.cli;

import dev.kindling.datasource.Datasource;
import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.Deadline;
import dev.kindling.metadata.Metadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code --from-file} behaviour that main had before the datasources (read the file, no
 * metadata), kept so that {@code --from-file} keeps working until the real {@code FileDatasource}
 * of the local datasources replaces it in {@link SourceFactory}.
 */
final class PlaceholderFileSource {
  private PlaceholderFileSource() {}

  static Datasource of(Path file) {
    return new Datasource() {
      @Override
      public String type() {
        return "local-file";
      }

      @Override
      public boolean isAvailable(Deadline deadline) {
        return Files.exists(file);
      }

      @Override
      public boolean availabilityChanges() {
        return true;
      }

      @Override
      public Optional<byte[]> fetchUserData(Deadline deadline) throws DatasourceException {
        try {
          return Optional.of(Files.readAllBytes(file));
        } catch (IOException e) {
          throw new DatasourceException("failed to read " + file + ": " + e.getMessage(), e);
        }
      }

      @Override
      public Metadata fetchMetadata(Deadline deadline) {
        return Metadata.empty();
      }
    };
  }
}
