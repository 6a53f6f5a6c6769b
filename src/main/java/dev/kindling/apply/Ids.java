package dev.kindling.apply;

import java.util.OptionalInt;

/**
 * Numeric owner and group of a file, resolved against the target root's {@code /etc/passwd} and
 * {@code /etc/group}; an absent id is left as it is.
 */
public record Ids(OptionalInt uid, OptionalInt gid) {
  private static final Ids NONE = new Ids(OptionalInt.empty(), OptionalInt.empty());

  /** Neither owner nor group changes. */
  public static Ids none() {
    return NONE;
  }

  /** Both owner and group. */
  public static Ids of(int uid, int gid) {
    return new Ids(OptionalInt.of(uid), OptionalInt.of(gid));
  }

  /** Whether nothing is to be set. */
  public boolean isNone() {
    return uid.isEmpty() && gid.isEmpty();
  }

  @Override
  public String toString() {
    return (uid.isPresent() ? Integer.toString(uid.getAsInt()) : "-")
        + ":"
        + (gid.isPresent() ? Integer.toString(gid.getAsInt()) : "-");
  }
}
