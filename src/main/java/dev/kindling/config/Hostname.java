package dev.kindling.config;

import dev.kindling.value.OneLine;
import java.util.Optional;

/**
 * What a valid hostname is (systemd {@code hostname_is_valid}): letters, digits and {@code -} in
 * dot-separated labels of 1 to 63 characters that do not start or end with {@code -}. The one rule
 * for a {@code hostname} in user data (at most 64 characters in all, {@code HOST_NAME_MAX}, as it
 * is set verbatim) and for a hostname from metadata (a DNS name of at most 253 characters, as only
 * its first label is set).
 */
public final class Hostname {
  /** The longest hostname the kernel takes ({@code HOST_NAME_MAX}). */
  public static final int MAX_LENGTH = 64;

  /** The longest DNS name (RFC 1035): the limit for a platform's FQDN in metadata. */
  public static final int MAX_DNS_NAME = 253;

  /** The longest label. */
  public static final int MAX_LABEL = 63;

  private static final int SHOWN = 70;

  private Hostname() {}

  /** Why {@code hostname} is not a valid name of at most {@code maxLength} characters, or empty. */
  public static Optional<String> problem(String hostname, int maxLength) {
    if (hostname.isEmpty()) {
      return Optional.of("it is empty");
    }
    if (hostname.length() > maxLength) {
      return Optional.of("it is longer than " + maxLength + " characters");
    }
    for (int i = 0; i < hostname.length(); i++) {
      char c = hostname.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.';
      if (!ok) {
        return Optional.of(describe(hostname.codePointAt(i)) + " is not allowed");
      }
    }
    if (hostname.endsWith(".")) {
      return Optional.of("it ends with a dot");
    }
    for (String label : hostname.split("\\.", -1)) {
      if (label.isEmpty()) {
        return Optional.of("it has an empty label (two dots, or a leading dot)");
      }
      if (label.length() > MAX_LABEL) {
        return Optional.of("a label is longer than " + MAX_LABEL + " characters");
      }
      if (label.startsWith("-") || label.endsWith("-")) {
        return Optional.of("label \"" + label + "\" starts or ends with \"-\"");
      }
    }
    return Optional.empty();
  }

  /**
   * A name (hostname, key name) for a message: cut after 70 characters, and its control characters
   * escaped as every line of output escapes them ({@link OneLine}: a line break is {@code \n}).
   */
  public static String shown(String name) {
    int length = name.codePointCount(0, name.length());
    if (length <= SHOWN) {
      return OneLine.escape(name);
    }
    return OneLine.escape(name.substring(0, name.offsetByCodePoints(0, SHOWN))) + "…";
  }

  private static String describe(int codePoint) {
    if (codePoint == ' ') {
      return "a space";
    }
    if (Character.isISOControl(codePoint) || !Character.isDefined(codePoint)) {
      return String.format("character U+%04X", codePoint);
    }
    return "\"" + new String(Character.toChars(codePoint)) + "\"";
  }
}
