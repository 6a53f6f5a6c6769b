package dev.kindling.value;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of logs, reports and printed plans: a URL's user info and query (tokens are
 * often passed there), and the quoted values in a message about a field that may hold a secret (a
 * password hash, file content, tokens, private keys).
 */
public final class Redaction {
  /**
   * Keys whose values are secret. Public SSH keys ({@code ssh_authorized_keys}, {@code
   * ssh_import_id}, fingerprints) are not: they are shown, so a report can point at the bad one.
   */
  private static final Set<String> SECRET_KEYS = Set.of("passwd", "content");

  private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

  private Redaction() {}

  /**
   * {@code https://user:pw@host/p?token=x#f} as {@code https://***@host/p?***}: user info and query
   * masked, fragment dropped.
   */
  public static String url(String url) {
    String out = url;
    int fragment = out.indexOf('#');
    if (fragment >= 0) {
      out = out.substring(0, fragment);
    }
    int query = out.indexOf('?');
    if (query >= 0) {
      out = out.substring(0, query) + "?***";
    }
    int scheme = out.indexOf("://");
    if (scheme >= 0) {
      int hostStart = scheme + 3;
      int pathStart = indexOfAny(out, "/?", hostStart);
      int authorityEnd = pathStart < 0 ? out.length() : pathStart;
      int at = out.lastIndexOf('@', authorityEnd - 1);
      if (at >= hostStart) {
        out = out.substring(0, hostStart) + "***" + out.substring(at);
      }
    }
    return out;
  }

  /** {@link #url(String)} of {@code uri}. */
  public static String url(URI uri) {
    return url(uri.toString());
  }

  /**
   * {@code message} with every quoted value replaced by {@code "<redacted>"} when the field it is
   * about ({@code path}: keys and indexes from the document root) may hold a secret. A quoted key
   * name of the path ({@code "ssh_authorized_keys"}, {@code "users[1]"}) is not a value: it stays.
   */
  public static String message(String message, List<?> path) {
    if (!isSecret(path)) {
      return message;
    }
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < path.size(); i++) {
      if (path.get(i) instanceof String key) {
        keys.add("\"" + key + "\"");
        if (i + 1 < path.size() && path.get(i + 1) instanceof Integer index) {
          keys.add("\"" + key + "[" + index + "]\"");
        }
      }
    }
    return QUOTED
        .matcher(message)
        .replaceAll(
            m -> keys.contains(m.group()) ? Matcher.quoteReplacement(m.group()) : "\"<redacted>\"");
  }

  /** Whether a field at {@code path} (keys and indexes) may hold a secret. */
  public static boolean isSecret(List<?> path) {
    for (Object segment : path) {
      if (segment instanceof String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (SECRET_KEYS.contains(k)
            || k.contains("password")
            || k.contains("token")
            || k.contains("secret")
            || k.endsWith("_private")) {
          return true;
        }
      }
    }
    return false;
  }

  private static int indexOfAny(String s, String chars, int from) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
