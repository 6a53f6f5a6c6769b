package dev.kindling.datasource.vmware;

import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.Deadline;
import java.util.Optional;

/**
 * Where VMware {@code guestinfo.*} variables are read from: the hypervisor through {@code
 * vmware-rpctool} ({@link RpctoolGuestinfoSource}) or an OVF environment document ({@link
 * OvfEnvironmentGuestinfoSource}).
 */
public interface GuestinfoSource {
  /** Whether the variables can be read here (one quick probe). */
  boolean isAvailable(Deadline deadline) throws InterruptedException;

  /**
   * The value of {@code guestinfo.<key>}; empty when unset or empty.
   *
   * @param key the name without the {@code guestinfo.} prefix, e.g. {@code hostname}
   */
  Optional<String> get(String key, Deadline deadline)
      throws DatasourceException, InterruptedException;
}
