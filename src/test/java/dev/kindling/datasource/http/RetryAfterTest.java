package dev.kindling.datasource.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void parse_seconds() {
    assertThat(RetryAfter.parse("0", NOW)).contains(Duration.ZERO);
    assertThat(RetryAfter.parse(" 90 ", NOW)).contains(Duration.ofSeconds(90));
    assertThat(RetryAfter.parse("99999999999", NOW)).contains(Duration.ofDays(1));
  }

  @Test
  void parse_httpDate_countsFromNow() {
    assertThat(RetryAfter.parse("Sun, 01 Mar 2026 10:00:30 GMT", NOW))
        .contains(Duration.ofSeconds(30));
    assertThat(RetryAfter.parse("Sun, 01 Mar 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void parse_anythingElse_isIgnored() {
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
  }
}
