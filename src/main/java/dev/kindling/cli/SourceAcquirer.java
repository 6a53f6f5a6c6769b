package dev.kindling.cli;

import dev.kindling.datasource.DatasourceException;
import dev.kindling.metadata.Metadata;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns {@link SourceOptions} into datasources, selects the one that answers first within the
 * deadline and fetches from it. (Only {@code --from-file} so far; the datasource issue completes
 * it.)
 */
final class SourceAcquirer {
  private SourceAcquirer() {}

  /** Selects and fetches; throws when no datasource answered in time. */
  static Acquired acquire(SourceOptions options, Duration timeout)
      throws DatasourceException, InterruptedException {
    if (options.fromFile != null) {
      try {
        return new Acquired(
            "local-file", Optional.of(Files.readAllBytes(options.fromFile)), Metadata.empty());
      } catch (IOException e) {
        throw new DatasourceException(
            "failed to read " + options.fromFile + ": " + e.getMessage(), e);
      }
    }
    throw new DatasourceException("no datasource given (try --from-file FILE)");
  }
}
