package dev.kindling.datasource;

import dev.kindling.metadata.Metadata;
import java.util.Optional;

/**
 * A place user data and metadata come from (one class per source, each with its {@link
 * DatasourceType}, registered explicitly in one list). Implementations never retry forever: every
 * blocking call honours the deadline.
 */
public interface Datasource {
  /**
   * The stable name used in {@code fetch} output and reports: its {@link DatasourceType#name()}.
   */
  String type();

  /** One quick availability probe (no retries), within the deadline. */
  boolean isAvailable(Deadline deadline) throws InterruptedException;

  /** Whether an unavailable source may become available later (worth probing again). */
  boolean availabilityChanges();

  /** The user data; empty when the source has none (e.g. EC2 answers 404). */
  Optional<byte[]> fetchUserData(Deadline deadline)
      throws DatasourceException, InterruptedException;

  /**
   * The metadata; {@link Metadata#empty()} for sources that have none.
   *
   * @throws DatasourceException when any of it failed to arrive
   */
  Metadata fetchMetadata(Deadline deadline) throws DatasourceException, InterruptedException;

  /**
   * The metadata that arrived and what failed. Sources that read one document deliver it whole or
   * fail; sources that read item by item keep the items that arrived.
   *
   * @throws DatasourceException when nothing usable arrived
   */
  default PartialMetadata fetchPartialMetadata(Deadline deadline)
      throws DatasourceException, InterruptedException {
    return PartialMetadata.complete(fetchMetadata(deadline));
  }
}
