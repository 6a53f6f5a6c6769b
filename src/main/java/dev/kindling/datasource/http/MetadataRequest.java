package dev.kindling.datasource.http;

import dev.kindling.value.Redaction;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One metadata request: method, URL, headers, and the per-request policy that differs from the
 * client's defaults. Header values may be secrets (tokens): they are never logged or printed.
 *
 * @param method {@code GET} or {@code PUT} (a PUT sends an empty body)
 * @param uri an absolute {@code http} or {@code https} URL
 * @param headers request headers, in order
 * @param requiredResponseHeader a header every response must carry (name, value), else the request
 *     fails with {@link HttpFailure#WRONG_SERVER}
 * @param maxAttempts overrides the client's attempt count (1 = no retry)
 * @param attemptTimeout overrides the client's per-attempt timeout
 */
public record MetadataRequest(
    String method,
    URI uri,
    Map<String, String> headers,
    Optional<Map.Entry<String, String>> requiredResponseHeader,
    OptionalInt maxAttempts,
    Optional<Duration> attemptTimeout) {

  public MetadataRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(requiredResponseHeader, "requiredResponseHeader");
    Objects.requireNonNull(maxAttempts, "maxAttempts");
    Objects.requireNonNull(attemptTimeout, "attemptTimeout");
    if (!method.equals("GET") && !method.equals("PUT")) {
      throw new IllegalArgumentException("unsupported method " + method);
    }
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** A GET of {@code uri} with the client's defaults. */
  public static MetadataRequest get(URI uri) {
    return new MetadataRequest(
        "GET", uri, Map.of(), Optional.empty(), OptionalInt.empty(), Optional.empty());
  }

  /** A PUT (empty body) to {@code uri} with the client's defaults. */
  public static MetadataRequest put(URI uri) {
    return new MetadataRequest(
        "PUT", uri, Map.of(), Optional.empty(), OptionalInt.empty(), Optional.empty());
  }

  /** This request with one more header. */
  public MetadataRequest header(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new MetadataRequest(
        method, uri, more, requiredResponseHeader, maxAttempts, attemptTimeout);
  }

  /** This request, requiring every response to carry {@code name: value}. */
  public MetadataRequest requireResponseHeader(String name, String value) {
    return new MetadataRequest(
        method, uri, headers, Optional.of(Map.entry(name, value)), maxAttempts, attemptTimeout);
  }

  /** This request with at most {@code attempts} attempts. */
  public MetadataRequest attempts(int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
    }
    return new MetadataRequest(
        method, uri, headers, requiredResponseHeader, OptionalInt.of(attempts), attemptTimeout);
  }

  /** This request with its own per-attempt timeout. */
  public MetadataRequest timeout(Duration timeout) {
    return new MetadataRequest(
        method, uri, headers, requiredResponseHeader, maxAttempts, Optional.of(timeout));
  }

  @Override
  public String toString() {
    // Header values may be tokens: only their names.
    return method + " " + Redaction.url(uri) + " " + headers.keySet();
  }
}
