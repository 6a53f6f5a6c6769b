package dev.kindling.validate;

import java.util.List;

/**
 * The scalars the runtime (go-yaml v1's YAML 1.1) reads as booleans or numbers but an editor may
 * read as strings, as ECMA-262 patterns for the JSON schema. yaml-language-server reads YAML 1.2
 * (core schema) by default, where {@code yes} and {@code 0b101} are strings, or YAML 1.1 by a
 * setting, where {@code 0o17} is a string. A schema that accepts what the runtime accepts has to
 * let these strings through for bool, int and float fields.
 */
public final class Yaml11Spellings {
  /** YAML 1.1 booleans that YAML 1.2 reads as strings ({@code true}/{@code false} are in both). */
  public static final List<String> BOOL_WORDS =
      List.of(
          "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off",
          "OFF");

  /**
   * Numbers to every editor, whether it reads YAML 1.2 (core schema) or YAML 1.1: decimal and
   * {@code 0x} integers, floats, infinities and NaN. Text matching this is never a string to an
   * editor unless quoted. ({@code 0o17} is missing on purpose: it is a number only in YAML 1.2.)
   */
  private static final String EDITOR_NUMBER =
      "(?:[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
          + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$";

  /**
   * A go-yaml v1 integer: underscores are dropped after the first character, then Go's {@code
   * strconv.ParseInt(s, 0, 64)} syntax (sign, {@code 0x}, {@code 0o}, {@code 0b}, leading-zero
   * octal, decimal).
   */
  private static final String YAML11_INT =
      "(?:[-+]_*)?(?:0_*[xX][0-9a-fA-F_]*[0-9a-fA-F][0-9a-fA-F_]*"
          + "|0_*[oO][0-7_]*[0-7][0-7_]*"
          + "|0_*[bB][01_]*[01][01_]*"
          + "|0[0-7_]*"
          + "|[1-9][0-9_]*)";

  /** A go-yaml v1 float: the YAML 1.1 float syntax once underscores are dropped. */
  private static final String YAML11_FLOAT =
      "(?:[-+]_*)?(?:\\.[0-9_]*[0-9][0-9_]*|[0-9][0-9_]*(?:\\.[0-9_]*)?)"
          + "(?:[eE]_*[-+]?[0-9_]*[0-9][0-9_]*)?";

  /** Text an editor may keep as a string but the runtime reads as an int. */
  public static final String INT_TEXT = "^(?!" + EDITOR_NUMBER + ")" + YAML11_INT + "$";

  /** Text an editor may keep as a string but the runtime reads as a number. */
  public static final String NUMBER_TEXT =
      "^(?!" + EDITOR_NUMBER + ")(?:" + YAML11_INT + "|" + YAML11_FLOAT + ")$";

  private Yaml11Spellings() {}
}
