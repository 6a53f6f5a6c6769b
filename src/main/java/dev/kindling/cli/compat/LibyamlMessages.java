package dev.kindling.cli.compat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of libyaml (and go-yaml's decoder), which the original's YAML errors used, for the
 * problems Kindling's YAML reader reports in its own words. A problem without a counterpart (the
 * expansion limits, which the original did not have) keeps Kindling's wording.
 */
final class LibyamlMessages {
  /** Kindling's problem text (its start) and libyaml's message for it. */
  private static final List<Map.Entry<String, String>> BY_PREFIX =
      List.of(
          Map.entry("found character ", "found character that cannot start any token"),
          Map.entry("found unexpected end of stream", "found unexpected end of stream"),
          Map.entry("could not find expected ':'", "could not find expected ':'"),
          Map.entry(
              "mapping values are not allowed", "mapping values are not allowed in this context"),
          Map.entry(
              "sequence entries are not allowed",
              "block sequence entries are not allowed in this context"),
          Map.entry("mapping keys are not allowed", "mapping keys are not allowed in this context"),
          Map.entry("expected <block end>", "did not find expected key"),
          Map.entry("expected ',' or ']'", "did not find expected ',' or ']'"),
          Map.entry("expected ',' or '}'", "did not find expected ',' or '}'"),
          Map.entry("expected the node content", "did not find expected node content"),
          Map.entry(
              "expected alphabetic or numeric character",
              "did not find expected alphabetic or numeric character"),
          Map.entry(
              "expected a comment or a line break", "did not find expected comment or line break"),
          Map.entry("found unknown escape character", "found unknown escape character"),
          Map.entry("found unexpected document separator", "found unexpected document indicator"),
          Map.entry("special characters are not allowed", "control characters are not allowed"),
          Map.entry(
              "map merge requires", "map merge requires map or sequence of maps as the value"));

  private static final Pattern UNDEFINED_ALIAS = Pattern.compile("found undefined alias (\\S+)");

  private LibyamlMessages() {}

  /**
   * libyaml's message for Kindling's YAML problem {@code problem} in {@code text} (the user data
   * the problem was found in: libyaml named the kind of bad UTF-8).
   */
  static String of(String problem, byte[] text) {
    if (problem.startsWith("invalid UTF-8")) {
      return utf8(text);
    }
    Matcher alias = UNDEFINED_ALIAS.matcher(problem);
    if (alias.lookingAt()) {
      return "Unknown anchor '" + alias.group(1) + "' referenced";
    }
    for (Map.Entry<String, String> e : BY_PREFIX) {
      if (problem.startsWith(e.getKey())) {
        return e.getValue();
      }
    }
    return problem;
  }

  /** libyaml's reader message for the first malformed UTF-8 sequence in {@code text}. */
  static String utf8(byte[] text) {
    int i = 0;
    while (i < text.length) {
      int lead = text[i] & 0xff;
      int width =
          (lead & 0x80) == 0
              ? 1
              : (lead & 0xe0) == 0xc0
                  ? 2
                  : (lead & 0xf0) == 0xe0 ? 3 : (lead & 0xf8) == 0xf0 ? 4 : 0;
      if (width == 0) {
        return "invalid leading UTF-8 octet";
      }
      if (i + width > text.length) {
        return "incomplete UTF-8 octet sequence";
      }
      int value = width == 1 ? lead : lead & (0xff >> (width + 1));
      for (int k = 1; k < width; k++) {
        int trail = text[i + k] & 0xff;
        if ((trail & 0xc0) != 0x80) {
          return "invalid trailing UTF-8 octet";
        }
        value = (value << 6) | (trail & 0x3f);
      }
      int shortest = value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4;
      if (width != shortest) {
        return "invalid length of a UTF-8 sequence";
      }
      if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
        return "invalid Unicode character";
      }
      i += width;
    }
    return "incomplete UTF-8 octet sequence";
  }
}
