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
 * @param dropped the metadata values that arrived but failed their check and were dropped, one
 *     message each (what and why, never a key or secret)
 */
public record Acquired(
    String datasource,
    Optional<byte[]> userData,
    Metadata metadata,
    List<String> failures,
    List<String> dropped) {
  public Acquired {
    Objects.requireNonNull(datasource, "datasource");
    Objects.requireNonNull(userData, "userData");
    Objects.requireNonNull(metadata, "metadata");
    failures = List.copyOf(failures);
    dropped = List.copyOf(dropped);
  }

  /** What arrived, with no value dropped. */
  public Acquired(
      String datasource, Optional<byte[]> userData, Metadata metadata, List<String> failures) {
    this(datasource, userData, metadata, failures, List.of());
  }
}
