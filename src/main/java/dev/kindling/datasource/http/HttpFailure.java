package dev.kindling.datasource.http;

/**
 * Why a metadata request failed, one constant per outcome a datasource may want to explain
 * differently (a 404 is not a failure: it is {@code Optional.empty()}).
 */
public enum HttpFailure {
  /** HTTP 400: the request was malformed (e.g. a missing or invalid IMDSv2 TTL header). */
  BAD_REQUEST(false),
  /** HTTP 401: credentials (e.g. an IMDSv2 token) missing, invalid or expired. */
  UNAUTHORIZED(false),
  /** HTTP 403: not allowed, or the metadata endpoint is turned off. */
  FORBIDDEN(false),
  /** HTTP 429: throttled; retried with backoff. */
  RATE_LIMITED(true),
  /** HTTP 5xx: the service is failing or not ready; retried with backoff. */
  SERVER_ERROR(true),
  /** Any other status that is not 2xx or 404 (e.g. 405, or a 3xx: redirects are not followed). */
  UNEXPECTED_STATUS(false),
  /** The connection failed: refused, reset, closed early, or the body was truncated. Retried. */
  TRANSPORT(true),
  /** One attempt took longer than the per-request timeout. Retried while the deadline allows. */
  TIMEOUT(true),
  /** The body was larger than the client's limit. */
  BODY_TOO_LARGE(false),
  /** The response lacked a header the request required (e.g. {@code Metadata-Flavor: Google}). */
  WRONG_SERVER(false),
  /** The caller's overall deadline passed before an attempt could succeed. */
  DEADLINE(false);

  private final boolean retried;

  HttpFailure(boolean retried) {
    this.retried = retried;
  }

  /** Whether the client retries this outcome (and whether trying again later may help). */
  public boolean isTransient() {
    return retried;
  }

  /** The failure for an HTTP status that is neither 2xx nor 404. */
  static HttpFailure ofStatus(int status) {
    if (status == 400) {
      return BAD_REQUEST;
    } else if (status == 401) {
      return UNAUTHORIZED;
    } else if (status == 403) {
      return FORBIDDEN;
    } else if (status == 429) {
      return RATE_LIMITED;
    } else if (status >= 500 && status <= 599) {
      return SERVER_ERROR;
    }
    return UNEXPECTED_STATUS;
  }
}
