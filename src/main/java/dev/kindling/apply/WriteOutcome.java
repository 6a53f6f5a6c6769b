package dev.kindling.apply;

import java.util.List;

/**
 * What a write did.
 *
 * @param changed false when the file already had these bytes, mode and owner (nothing written)
 * @param notes remarks for the report, e.g. bits the file system could not store
 */
public record WriteOutcome(boolean changed, List<String> notes) {
  public WriteOutcome {
    notes = List.copyOf(notes);
  }

  /** Nothing was written. */
  public static WriteOutcome unchanged() {
    return new WriteOutcome(false, List.of());
  }
}
