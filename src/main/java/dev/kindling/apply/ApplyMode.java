package dev.kindling.apply;

/**
 * Whether an effect outside the root's files happens or is only recorded: {@code render} records
 * programs and systemd calls, {@code run --systemd none} records the systemd calls only.
 */
public enum ApplyMode {
  /** Run the program or call systemd. */
  APPLY,
  /** Record what would be run or called; report the step as recorded. */
  RECORD
}
