package dev.kindling.datasource.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * What one attempt of a metadata request produced: a body, a 404, or a typed failure.
 *
 * @param retryAfter how long the server asked to wait before the next attempt ({@code Retry-After}
 *     of a 429 or 503), if it did
 * @param location the {@code Location} header of a 3xx response, if any
 */
record AttemptOutcome(
    Optional<byte[]> body,
    HttpFailure failure,
    int status,
    String detail,
    IOException cause,
    Optional<Duration> retryAfter,
    Optional<String> location) {
  static AttemptOutcome ok(byte[] body) {
    return new AttemptOutcome(
        Optional.of(body), null, 200, "", null, Optional.empty(), Optional.empty());
  }

  static AttemptOutcome notFound() {
    return new AttemptOutcome(
        Optional.empty(), null, 404, "", null, Optional.empty(), Optional.empty());
  }

  static AttemptOutcome status(
      int status, Optional<Duration> retryAfter, Optional<String> location) {
    return new AttemptOutcome(
        Optional.empty(),
        HttpFailure.ofStatus(status),
        status,
        "HTTP " + status,
        null,
        retryAfter,
        location);
  }

  static AttemptOutcome tooLarge(int status) {
    return new AttemptOutcome(
        Optional.empty(),
        HttpFailure.BODY_TOO_LARGE,
        status,
        "",
        null,
        Optional.empty(),
        Optional.empty());
  }

  static AttemptOutcome wrongServer(int status, String header, String value) {
    return new AttemptOutcome(
        Optional.empty(),
        HttpFailure.WRONG_SERVER,
        status,
        "response (HTTP " + status + ") lacks the header \"" + header + ": " + value + "\"",
        null,
        Optional.empty(),
        Optional.empty());
  }

  static AttemptOutcome failed(IOException e) {
    HttpFailure f =
        e instanceof InterruptedIOException ? HttpFailure.TIMEOUT : HttpFailure.TRANSPORT;
    return new AttemptOutcome(Optional.empty(), f, 0, "", e, Optional.empty(), Optional.empty());
  }

  Optional<byte[]> result(String what, Duration timeout, int attempt) throws MetadataHttpException {
    if (failure == null) {
      return body;
    }
    String why =
        switch (failure) {
          case TIMEOUT -> "no answer within " + timeout.toMillis() + " ms";
          case TRANSPORT -> "connection failed (" + describe(cause) + ")";
          case BODY_TOO_LARGE -> "body larger than the limit";
          default -> detail;
        };
    throw new MetadataHttpException(failure, status, attempt, what + ": " + why, cause, location);
  }

  /** Reads a response: the required header, the status, then the body within {@code bodyLimit}. */
  static AttemptOutcome read(MetadataRequest request, Response response, long bodyLimit) {
    try (response) {
      int status = response.code();
      Optional<Map.Entry<String, String>> required = request.requiredResponseHeader();
      if (required.isPresent()) {
        String got = response.header(required.get().getKey());
        if (!required.get().getValue().equals(got)) {
          return wrongServer(status, required.get().getKey(), required.get().getValue());
        }
      }
      if (status == 404) {
        return notFound();
      }
      if (status < 200 || status > 299) {
        Optional<Duration> wait =
            status == 429 || status == 503
                ? RetryAfter.parse(response.header("Retry-After"), Instant.now())
                : Optional.empty();
        Optional<String> location =
            status >= 300 && status <= 399
                ? Optional.ofNullable(response.header("Location"))
                : Optional.empty();
        return status(status, wait, location);
      }
      ResponseBody body = response.body();
      if (body.contentLength() > bodyLimit) {
        return tooLarge(status);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try (InputStream in = body.byteStream()) {
        for (int n; (n = in.read(buffer)) != -1; ) {
          if (out.size() + (long) n > bodyLimit) {
            return tooLarge(status);
          }
          out.write(buffer, 0, n);
        }
      }
      return ok(out.toByteArray());
    } catch (IOException e) {
      return failed(e);
    }
  }

  private static String describe(IOException e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
