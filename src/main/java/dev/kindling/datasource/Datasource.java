package dev.kindling.datasource;

import dev.kindling.metadata.Metadata;
import java.util.Optional;

/**
 * A place user data and metadata come from (one class per source, registered explicitly in one
 * factory). Implementations never retry forever: every blocking call honours the deadline.
 */
public interface Datasource {
  /**
   * The stable name used in {@code fetch} output and reports: {@code local-file}, {@code url},
   * {@code configdrive}, {@code ec2-metadata}, {@code gce-metadata}, {@code openstack-metadata},
   * {@code digitalocean-metadata}, {@code packet-metadata}, {@code waagent}, {@code proc-cmdline},
   * {@code vmware-guestinfo}, {@code cloudsigma-metadata}.
   */
  String type();

  /** One quick availability probe (no retries), within the deadline. */
  boolean isAvailable(Deadline deadline) throws InterruptedException;

  /** Whether an unavailable source may become available later (worth probing again). */
  boolean availabilityChanges();

  /** The user data; empty when the source has none (e.g. EC2 answers 404). */
  Optional<byte[]> fetchUserData(Deadline deadline)
      throws DatasourceException, InterruptedException;

  /** The metadata; {@link Metadata#empty()} for sources that have none. */
  Metadata fetchMetadata(Deadline deadline) throws DatasourceException, InterruptedException;
}
