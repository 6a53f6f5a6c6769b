package dev.kindling.datasource;

import java.util.Objects;

/**
 * Why an availability probe said no.
 *
 * @param reason what was seen, e.g. {@code GET http://…/latest/meta-data/: HTTP 403 (IMDS
 *     disabled)}; never a secret
 * @param permanent whether probing again cannot help (the service answered and said no, or it is
 *     not this kind of service); transient failures (refused connections, timeouts, 5xx) are worth
 *     probing again while the budget lasts
 */
public record ProbeFailure(String reason, boolean permanent) {
  public ProbeFailure {
    Objects.requireNonNull(reason, "reason");
  }
}
