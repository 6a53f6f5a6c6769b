package dev.kindling.cli;

import dev.kindling.metadata.Metadata;
import java.util.Objects;
import java.util.Optional;

/**
 * What the selected datasource delivered.
 *
 * @param datasource the datasource's type name ({@code ec2-metadata}, ...)
 * @param userData the raw user data (possibly gzip), empty when the source had none
 * @param metadata the metadata
 */
record Acquired(String datasource, Optional<byte[]> userData, Metadata metadata) {
  Acquired {
    Objects.requireNonNull(datasource, "datasource");
    Objects.requireNonNull(userData, "userData");
    Objects.requireNonNull(metadata, "metadata");
  }
}
