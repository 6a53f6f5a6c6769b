package dev.kindling.serve;

import java.util.Locale;
import java.util.Optional;

/**
 * Refuses requests another web site makes through the user's browser: a server listening on
 * loopback answers only {@code Host} names that are loopback ({@code localhost}, {@code 127.x},
 * {@code [::1]}), which stops DNS rebinding; and a {@code POST} whose {@code Origin} is not the
 * server's own (another site's script) is refused, so no page can use the validator behind the
 * user's back. Tools such as curl send no {@code Origin} and are not affected.
 */
final class OriginCheck {
  private final boolean loopbackOnly;

  /** A check for a server bound to a loopback address ({@code loopbackOnly}) or to another. */
  OriginCheck(boolean loopbackOnly) {
    this.loopbackOnly = loopbackOnly;
  }

  /**
   * Checks a request's {@code Host} and {@code Origin} headers.
   *
   * @throws HttpError 403 when the request comes from elsewhere
   */
  void check(String method, Optional<String> host, Optional<String> origin) throws HttpError {
    if (loopbackOnly && host.isPresent() && !isLoopbackName(hostName(host.get()))) {
      throw new HttpError(
          403, "this server listens on loopback and answers only loopback host names");
    }
    if (method.equals("POST") && origin.isPresent()) {
      String expected = host.map(h -> "http://" + h.toLowerCase(Locale.ROOT)).orElse("");
      if (!origin.get().toLowerCase(Locale.ROOT).equals(expected)) {
        throw new HttpError(403, "requests from other origins are not accepted");
      }
    }
  }

  /** The name part of a {@code Host} header ({@code [::1]:8080} → {@code ::1}). */
  static String hostName(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int close = h.indexOf(']');
      return close < 0 ? h : h.substring(1, close);
    }
    int colon = h.lastIndexOf(':');
    return colon < 0 ? h : h.substring(0, colon);
  }

  private static boolean isLoopbackName(String name) {
    if (name.equals("localhost") || name.endsWith(".localhost") || name.equals("::1")) {
      return true;
    }
    return name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }
}
