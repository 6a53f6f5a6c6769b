package dev.kindling.datasource.http;

import java.util.Objects;
import java.util.Optional;
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
  private final String location;

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
    this(failure, status, attempts, message, cause, Optional.empty());
  }

  /**
   * Creates the exception for a response that carried a {@code Location} (a redirect, which the
   * client never follows itself).
   *
   * @param location the {@code Location} header as sent, if any
   */
  public MetadataHttpException(
      HttpFailure failure,
      int status,
      int attempts,
      String message,
      Throwable cause,
      Optional<String> location) {
    super(message, cause);
    this.failure = Objects.requireNonNull(failure, "failure");
    this.status = status;
    this.attempts = attempts;
    this.location = location.orElse(null);
  }

  /** The {@code Location} header of a redirect response, if there was one. */
  public Optional<String> location() {
    return Optional.ofNullable(location);
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
