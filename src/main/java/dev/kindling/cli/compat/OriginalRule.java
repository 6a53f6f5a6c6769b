package dev.kindling.cli.compat;

/**
 * The checks of coreos-cloudinit's validator, in the order it ran them (its entries come rule by
 * rule), and, last, Kindling's errors for input the original's run failed on.
 */
public enum OriginalRule {
  /** The first line: {@code #cloud-config}, {@code #!}, or Ignition JSON. */
  USER_DATA_KIND,
  /** Reading the YAML (syntax and decoding errors), then the type warning on the empty tree. */
  YAML,
  /** {@code coreos.etcd.discovery} is a URL. */
  DISCOVERY_URL,
  /** {@code write_files[].content} decodes per its encoding. */
  ENCODING,
  /** Types, unknown keys, deprecated keys. */
  STRUCTURE,
  /** The value patterns (reboot strategy, permissions, encodings, unit commands, ...). */
  VALIDITY,
  /** Files under read-only {@code /usr}. */
  WRITE_FILES,
  /** {@code write_files} under {@code coreos}. */
  WRITE_FILES_UNDER_COREOS,
  /** Not a rule of the original's validator: input its run failed on (Kindling's errors). */
  RUN_FAILURE
}
