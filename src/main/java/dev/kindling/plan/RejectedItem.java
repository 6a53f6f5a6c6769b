package dev.kindling.plan;

import java.util.Objects;

/**
 * A part of the config that cannot be applied (a {@code write_files} entry whose content does not
 * decode, an invalid unit command, ...). The applier reports it as a failed step; the rest of the
 * plan still runs.
 *
 * @param subject what was not applied, e.g. {@code write_files[2] /etc/x}
 * @param reason why, e.g. {@code content cannot be decoded as "base64"}
 */
public record RejectedItem(String subject, String reason) implements Action {
  /** How its description starts. */
  static final String PREFIX = "not applied: ";

  public RejectedItem {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public String type() {
    return "rejected";
  }

  @Override
  public String describe() {
    return PREFIX + subject + ": " + reason;
  }
}
