package dev.kindling.apply;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The result of one step without its timing.
 *
 * @param status how it ended
 * @param error why it failed (no secrets), when it failed or was rejected
 * @param notes remarks for the report (what was recorded instead of done, bits not stored, ...)
 * @param exitStatus the exit status of a script, when one ran
 */
public record StepOutcome(
    StepStatus status, Optional<String> error, List<String> notes, OptionalInt exitStatus) {
  public StepOutcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(error, "error");
    notes = List.copyOf(notes);
    Objects.requireNonNull(exitStatus, "exitStatus");
  }

  static StepOutcome of(StepStatus status, List<String> notes) {
    return new StepOutcome(status, Optional.empty(), notes, OptionalInt.empty());
  }

  static StepOutcome ok(List<String> notes) {
    return of(StepStatus.OK, notes);
  }

  static StepOutcome ok() {
    return of(StepStatus.OK, List.of());
  }

  static StepOutcome unchanged(String... notes) {
    return of(StepStatus.UNCHANGED, List.of(notes));
  }

  static StepOutcome recorded(String... notes) {
    return of(StepStatus.RECORDED, List.of(notes));
  }

  static StepOutcome failed(String error) {
    return new StepOutcome(StepStatus.FAILED, Optional.of(error), List.of(), OptionalInt.empty());
  }

  static StepOutcome rejected(String error) {
    return new StepOutcome(StepStatus.REJECTED, Optional.of(error), List.of(), OptionalInt.empty());
  }

  /** This outcome with another note appended. */
  StepOutcome withNote(String note) {
    List<String> more = new java.util.ArrayList<>(notes);
    more.add(note);
    return new StepOutcome(status, error, more, exitStatus);
  }

  /** A write's outcome: ok when it changed the file, else unchanged. */
  static StepOutcome written(WriteOutcome w) {
    return of(w.changed() ? StepStatus.OK : StepStatus.UNCHANGED, w.notes());
  }
}
