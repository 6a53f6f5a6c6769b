package dev.kindling.apply;

/** Whether {@link RootFs} sets owners or only records them (not running as root, or render). */
public enum OwnerPolicy {
  /** Owners and groups are set numerically ({@code fchown}); requires root. */
  SET,
  /** Owners are not set; the applier reports them instead. */
  RECORD
}
