package dev.kindling.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "1970-01-01T00:00:00Z",
        "2026-12-07T15:04:05Z",
        "2026-12-07T15:04:05.100Z",
        "2026-12-07T15:04:05.123456Z",
        "2026-12-07T15:04:05.000001Z",
        "2026-12-07T15:04:05.000000001Z",
        "2024-02-29T23:59:59.999999999Z",
        "1969-12-31T23:59:59.999Z",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59.5Z",
        "+10000-01-01T00:00:00Z",
        "-0001-06-01T12:00:00Z"
      })
  void format_givesInstantToString(String text) {
    Instant instant = Instant.parse(text);
    assertEquals(instant.toString(), IsoInstant.format(instant));
  }

  @Test
  void format_randomInstantsOfEveryPrecision_sameAsInstantToString() {
    SplittableRandom random = new SplittableRandom(7);
    long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 20_000; i++) {
      long seconds = random.nextLong(-max, max);
      int nano =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant instant = Instant.ofEpochSecond(seconds, nano);
      assertEquals(instant.toString(), IsoInstant.format(instant), "epoch second " + seconds);
    }
  }
}
