package dev.kindling.apply;

import java.util.Locale;

/** How one step of a plan ended, as the run report names it. */
public enum StepStatus {
  /** The change was made. */
  OK,
  /** Nothing needed to change (file already as planned, reload not needed). */
  UNCHANGED,
  /** The step failed; the other steps still ran. */
  FAILED,
  /** Nothing was done but the step was recorded ({@code --systemd none}, render). */
  RECORDED,
  /** The plan marked the item as not applicable (bad content, invalid command, ...). */
  REJECTED;

  /** The lowercase name used in the report: {@code ok}, {@code unchanged}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this status makes the run fail. */
  public boolean isFailure() {
    return this == FAILED || this == REJECTED;
  }
}
