package dev.kindling.datasource;

import java.util.Optional;

/**
 * A datasource that can say why its last {@link Datasource#isAvailable} returned false, so that the
 * selector stops probing a source that cannot become available and names the reason when no source
 * answers. Optional: the selector treats other sources as "unavailable, reason unknown".
 */
public interface ProbeReporting {
  /** Why the most recent probe failed; empty before any probe or after a successful one. */
  Optional<ProbeFailure> lastProbeFailure();
}
