package dev.kindling.plan.netconf;

import java.util.Objects;

/**
 * A part of a network config that was not converted, and why: reported to the user instead of
 * guessed.
 *
 * @param subject what was left out, e.g. {@code links[2] "vx0"}
 * @param reason why, e.g. {@code unsupported link type "vxlan"}
 */
public record Skipped(String subject, String reason) {
  public Skipped {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(reason, "reason");
  }
}
