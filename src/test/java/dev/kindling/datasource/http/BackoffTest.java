package dev.kindling.datasource.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  @Test
  void delayAfter_withoutJitter_doublesUpToTheCap() {
    Backoff b = new Backoff(10, Duration.ofMillis(100), Duration.ofSeconds(1), 0);
    Random r = new Random(1);
    assertThat(b.delayAfter(1, r)).isEqualTo(Duration.ofMillis(100));
    assertThat(b.delayAfter(2, r)).isEqualTo(Duration.ofMillis(200));
    assertThat(b.delayAfter(4, r)).isEqualTo(Duration.ofMillis(800));
    assertThat(b.delayAfter(5, r)).isEqualTo(Duration.ofSeconds(1));
    assertThat(b.delayAfter(60, r)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void delayAfter_withJitter_staysWithinTheRandomisedFraction() {
    Backoff b = new Backoff(10, Duration.ofMillis(400), Duration.ofMillis(400), 0.5);
    Random r = new Random(7);
    for (int i = 0; i < 200; i++) {
      assertThat(b.delayAfter(1, r)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    }
  }

  @Test
  void none_neverWaits() {
    assertThat(Backoff.none().delayAfter(3, new Random())).isZero();
    assertThat(Backoff.none().maxAttempts()).isGreaterThan(1);
  }

  @Test
  void constructor_badValues_rejected() {
    assertThatThrownBy(() -> new Backoff(0, Duration.ZERO, Duration.ZERO, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(1, Duration.ofSeconds(2), Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(1, Duration.ZERO, Duration.ZERO, 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
