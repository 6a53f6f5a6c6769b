package dev.kindling.datasource.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The {@code Retry-After} response header (RFC 9110, section 10.2.3): a number of seconds, or an
 * HTTP date. Anything else is ignored (the client's own backoff applies).
 */
final class RetryAfter {
  /** Longer waits are read as this; the caller's deadline cuts them anyway. */
  private static final Duration LONGEST = Duration.ofDays(1);

  private RetryAfter() {}

  /** How long {@code value} asks to wait, counted from {@code now}; never negative. */
  static Optional<Duration> parse(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      if (v.length() > 6) {
        return Optional.of(LONGEST);
      }
      return Optional.of(min(Duration.ofSeconds(Long.parseLong(v))));
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : min(wait));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Duration min(Duration d) {
    return d.compareTo(LONGEST) > 0 ? LONGEST : d;
  }
}
