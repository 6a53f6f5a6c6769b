package dev.kindling.testing;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour the {@link MetadataEmulator} injects on one path, for a number of requests.
 *
 * @param kind what goes wrong
 * @param status the status for {@link Kind#STATUS}
 * @param delay the wait for {@link Kind#DELAY}
 * @param size the body size for {@link Kind#OVERSIZE}
 * @param times how many requests it affects (-1 = all)
 * @param retryAfter the {@code Retry-After} header of a {@link Kind#STATUS} answer, "" for none
 */
public record Fault(Kind kind, int status, Duration delay, int size, int times, String retryAfter) {
  /** The kinds of misbehaviour. */
  public enum Kind {
    /** Answer with a status and an empty body (flavor headers are still set). */
    STATUS,
    /** Wait, then answer normally. */
    DELAY,
    /** Close the connection without answering (what a reset looks like to a client). */
    RESET,
    /** Announce the full Content-Length, send half the body, close the connection. */
    TRUNCATE,
    /** Answer 200 with a body of {@code size} bytes. */
    OVERSIZE,
    /** Never answer (until the emulator is closed). */
    HANG,
    /** Expire every IMDSv2 token issued so far (their TTL runs out now), then answer normally. */
    EXPIRE_TOKENS,
    /** Answer normally but without the {@code Metadata-Flavor: Google} response header. */
    NO_FLAVOR_HEADER
  }

  public Fault {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(retryAfter, "retryAfter");
  }

  /** Answer with {@code status}. */
  public static Fault status(int status) {
    return new Fault(Kind.STATUS, status, Duration.ZERO, 0, -1, "");
  }

  /** Wait {@code delay} before answering. */
  public static Fault delay(Duration delay) {
    return new Fault(Kind.DELAY, 0, delay, 0, -1, "");
  }

  /** Close the connection without a response. */
  public static Fault reset() {
    return new Fault(Kind.RESET, 0, Duration.ZERO, 0, -1, "");
  }

  /** Send half the body, then close. */
  public static Fault truncate() {
    return new Fault(Kind.TRUNCATE, 0, Duration.ZERO, 0, -1, "");
  }

  /** Answer with {@code size} bytes. */
  public static Fault oversize(int size) {
    return new Fault(Kind.OVERSIZE, 0, Duration.ZERO, size, -1, "");
  }

  /** Never answer. */
  public static Fault hang() {
    return new Fault(Kind.HANG, 0, Duration.ZERO, 0, -1, "");
  }

  /** Expire the IMDSv2 tokens issued so far. */
  public static Fault expireTokens() {
    return new Fault(Kind.EXPIRE_TOKENS, 0, Duration.ZERO, 0, -1, "");
  }

  /** Leave out the GCE flavor response header. */
  public static Fault noFlavorHeader() {
    return new Fault(Kind.NO_FLAVOR_HEADER, 0, Duration.ZERO, 0, -1, "");
  }

  /** This fault for the next {@code n} requests only. */
  public Fault times(int n) {
    return new Fault(kind, status, delay, size, n, retryAfter);
  }

  /** This fault answering with {@code Retry-After: value}. */
  public Fault retryAfter(String value) {
    return new Fault(kind, status, delay, size, times, value);
  }
}
