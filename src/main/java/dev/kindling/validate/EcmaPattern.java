package dev.kindling.validate;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns a schema pattern (a {@link Pattern} matched against the whole value) into an anchored
 * ECMA-262 regular expression, the dialect JSON Schema {@code pattern} uses. Editors run these in
 * JavaScript engines that may predate inline modifiers, so {@code (?i:abc)} is spelled out as
 * {@code (?:[aA][bB][cC])}; constructs JavaScript lacks are refused instead of mistranslated.
 */
public final class EcmaPattern {
  private static final String CASE_INSENSITIVE_GROUP = "(?i:";

  /** Java-only syntax with no direct ECMA-262 equivalent. */
  private static final List<String> UNSUPPORTED =
      List.of("\\Q", "\\E", "\\A", "\\Z", "\\z", "\\p{", "\\P{", "(?i", "(?s", "(?m", "(?x", "(?<");

  private EcmaPattern() {}

  /** The ECMA-262 form of {@code pattern}, anchored with {@code ^(?:...)$}. */
  public static String of(Pattern pattern) {
    if (pattern.flags() != 0) {
      throw new IllegalArgumentException("pattern flags have no ECMA-262 form: " + pattern);
    }
    String body = expandCaseInsensitiveGroups(pattern.pattern());
    for (String construct : UNSUPPORTED) {
      if (body.contains(construct)) {
        throw new IllegalArgumentException(
            "pattern uses " + construct + ", which has no ECMA-262 form: " + pattern);
      }
    }
    return "^(?:" + body + ")$";
  }

  private static String expandCaseInsensitiveGroups(String regex) {
    StringBuilder out = new StringBuilder(regex.length() * 2);
    int i = 0;
    while (i < regex.length()) {
      if (regex.startsWith(CASE_INSENSITIVE_GROUP, i)) {
        int end = closingParenthesis(regex, i + CASE_INSENSITIVE_GROUP.length());
        String inner = regex.substring(i + CASE_INSENSITIVE_GROUP.length(), end);
        out.append("(?:").append(bothCases(inner, regex)).append(')');
        i = end + 1;
      } else {
        out.append(regex.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  private static int closingParenthesis(String regex, int from) {
    int depth = 0;
    for (int i = from; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
    }
    throw new IllegalArgumentException("unbalanced group in pattern: " + regex);
  }

  /** Letters become {@code [xX]}; only plain alternations of literals are supported. */
  private static String bothCases(String inner, String regex) {
    StringBuilder out = new StringBuilder(inner.length() * 4);
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '[' || c == '\\') {
        throw new IllegalArgumentException(
            "case-insensitive group too complex to translate: " + regex);
      }
      if (c < 128 && Character.isLetter(c)) {
        out.append('[')
            .append(Character.toLowerCase(c))
            .append(Character.toUpperCase(c))
            .append(']');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
