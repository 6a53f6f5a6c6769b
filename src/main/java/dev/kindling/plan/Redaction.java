package dev.kindling.plan;

/**
 * Removes what may be secret from values the plan shows: a URL's user info and query (tokens are
 * often passed there).
 */
final class Redaction {
  private Redaction() {}

  /** {@code https://user:pw@host/p?token=x} as {@code https://***@host/p?***}. */
  static String url(String url) {
    String out = url;
    int query = out.indexOf('?');
    if (query >= 0) {
      out = out.substring(0, query) + "?***";
    }
    int scheme = out.indexOf("://");
    if (scheme >= 0) {
      int hostStart = scheme + 3;
      int pathStart = out.indexOf('/', hostStart);
      int authorityEnd = pathStart < 0 ? out.length() : pathStart;
      int at = out.lastIndexOf('@', authorityEnd - 1);
      if (at >= hostStart) {
        out = out.substring(0, hostStart) + "***" + out.substring(at);
      }
    }
    return out;
  }
}
