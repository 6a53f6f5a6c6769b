package dev.kindling.serve;

import com.sun.net.httpserver.Headers;

/**
 * The headers every response carries: a Content-Security-Policy that allows only this server's own
 * scripts, styles and connections (no inline script or style, no other origin, no framing; images
 * also as data: URIs, which the editor's lint markers are), no content sniffing, no referrer, and
 * no caching of API answers.
 */
final class SecurityHeaders {
  /** The policy of every response; the page needs nothing beyond its own origin. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
          + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private SecurityHeaders() {}

  /**
   * The policy of the page itself: the same, plus the style sheet the editor injects, admitted by a
   * nonce that is new for every response.
   */
  static String pagePolicy(String styleNonce) {
    return CONTENT_SECURITY_POLICY.replace(
        "style-src 'self';", "style-src 'self' 'nonce-" + styleNonce + "';");
  }

  /** Adds the headers to a response; {@code cacheable} for the page's static assets. */
  static void add(Headers h, boolean cacheable) {
    h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "no-referrer");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
    h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    h.set("Cache-Control", cacheable ? "no-cache" : "no-store");
  }
}
