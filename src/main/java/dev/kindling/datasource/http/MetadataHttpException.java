package dev.kindling.datasource.http;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A metadata request that did not succeed, with a typed {@link HttpFailure} so that datasources can
 * explain it (e.g. "IMDS disabled" for a 403). The message never holds headers or bodies.
 */
public final class MetadataHttpException extends Exception {
  private static final long serialVersionUID = 1L;

  private final HttpFailure failure;
  private final int status;
  private final int attempts;

  /**
   * Creates the exception.
   *
   * @param failure the kind of failure
   * @param status the HTTP status, or 0 when no response arrived
   * @param attempts how many attempts were made
   * @param message what failed, e.g. {@code GET http://127.0.0.1:8080/latest/user-data: HTTP 503}
   * @param cause the transport exception, if any
   */
  public MetadataHttpException(
      HttpFailure failure, int status, int attempts, String message, Throwable cause) {
    super(message, cause);
    this.failure = Objects.requireNonNull(failure, "failure");
    this.status = status;
    this.attempts = attempts;
  }

  /** What kind of failure it was. */
  public HttpFailure failure() {
    return failure;
  }

  /** The HTTP status, when a response arrived. */
  public OptionalInt status() {
    return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** How many attempts were made. */
  public int attempts() {
    return attempts;
  }
}
