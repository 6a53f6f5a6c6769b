package dev.kindling.cli;

import dev.kindling.config.Finding;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps values out of logs and reports: a finding about a field that may hold a secret (a password
 * hash, file content, SSH keys, tokens) has every quoted value in its message replaced.
 */
final class Redaction {
  private static final Set<String> SECRET_KEYS = Set.of("passwd", "content", "ssh_authorized_keys");
  private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

  private Redaction() {}

  /** The finding's message, with quoted values removed when its field may hold a secret. */
  static String message(Finding f) {
    return isSecret(f) ? QUOTED.matcher(f.message()).replaceAll("\"<redacted>\"") : f.message();
  }

  /** Whether the finding is about a field that may hold a secret. */
  static boolean isSecret(Finding f) {
    for (Object segment : f.path().segments()) {
      if (segment instanceof String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (SECRET_KEYS.contains(k)
            || k.contains("password")
            || k.contains("token")
            || k.contains("secret")) {
          return true;
        }
      }
    }
    return false;
  }
}
