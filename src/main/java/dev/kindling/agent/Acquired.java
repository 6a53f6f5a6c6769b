package dev.kindling.agent;

import dev.kindling.metadata.Metadata;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the selected datasource delivered.
 *
 * @param datasource the datasource's type name ({@code ec2-metadata}, ...)
 * @param userData the raw user data (possibly gzip), empty when the source had none
 * @param metadata the metadata that arrived
 * @param failures the metadata items that failed to arrive, one message each
 */
public record Acquired(
    String datasource, Optional<byte[]> userData, Metadata metadata, List<String> failures) {
  public Acquired {
    Objects.requireNonNull(datasource, "datasource");
    Objects.requireNonNull(userData, "userData");
    Objects.requireNonNull(metadata, "metadata");
    failures = List.copyOf(failures);
  }
}
