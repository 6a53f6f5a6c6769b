package dev.kindling.datasource.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kindling.testing.Fault;
import dev.kindling.testing.MetadataEmulator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The production retry schedule against a loopback server, on a clock the waits advance: minutes of
 * backoff are checked without sleeping.
 */
@Timeout(60)
class RetryScheduleTest {
  private static final String FILE = "/cloud-config.yaml";
  private static final Duration BUDGET = Duration.ofMinutes(2);

  private final AtomicLong now = new AtomicLong();
  private final List<Duration> waits = new ArrayList<>();
  private MetadataEmulator server;
  private MetadataClient client;

  @BeforeEach
  void start() throws Exception {
    server =
        MetadataEmulator.start(
            MetadataEmulator.Flavor.PLAIN, Path.of("src/test/resources/datasource/plain/basic"));
    client =
        MetadataClient.builder()
            .attemptTimeout(Duration.ofSeconds(5))
            .random(new SplittableRandom(42))
            .time(
                d -> {
                  waits.add(d);
                  now.addAndGet(d.toNanos());
                },
                now::get)
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private URI uri() {
    return server.baseUri().resolve(FILE.substring(1));
  }

  @Test
  void send_failingService_isRetriedWithJitteredCappedBackoffUntilTheDeadline() {
    server.fault(FILE, Fault.status(500));

    MetadataHttpException e =
        assertThrows(MetadataHttpException.class, () -> client.get(uri(), BUDGET));

    assertThat(e.failure()).isEqualTo(HttpFailure.SERVER_ERROR);
    assertThat(e.attempts()).isGreaterThan(20).isEqualTo(server.count("GET", FILE));
    assertThat(waits).hasSize(e.attempts() - 1);
    Duration total = waits.stream().reduce(Duration.ZERO, Duration::plus);
    assertThat(total)
        .isLessThanOrEqualTo(BUDGET)
        .isGreaterThan(BUDGET.minus(Duration.ofSeconds(5)));
    for (int i = 0; i < waits.size(); i++) {
      long ceiling = Math.min(5_000, 100L << Math.min(i, 20)); // 100 ms doubling, capped at 5 s
      assertThat(waits.get(i)).isLessThanOrEqualTo(Duration.ofMillis(ceiling));
    }
    assertThat(waits.stream().distinct().count()).as("jittered").isGreaterThan(waits.size() / 2);
  }

  @Test
  void send_serviceThatRecovers_succeedsAfterManyAttempts() throws Exception {
    server.fault(FILE, Fault.status(503).times(30));

    assertThat(client.get(uri(), BUDGET)).isPresent();

    assertThat(server.count("GET", FILE)).isEqualTo(31);
  }

  @Test
  void send_retryAfter_isHonouredInsteadOfTheBackoff() throws Exception {
    server.fault(FILE, Fault.status(429).retryAfter("30").times(2));

    assertThat(client.get(uri(), BUDGET)).isPresent();

    assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
  }

  @Test
  void send_retryAfterPastTheDeadline_failsAtOnce() {
    server.fault(FILE, Fault.status(503).retryAfter("600"));

    MetadataHttpException e =
        assertThrows(MetadataHttpException.class, () -> client.get(uri(), BUDGET));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(waits).isEmpty();
    assertThat(e.getMessage())
        .contains("HTTP 503")
        .contains("retry after 600 s, past the deadline");
  }

  @Test
  void send_retryAfterOnAnotherStatus_isIgnored() throws Exception {
    server.fault(FILE, Fault.status(500).retryAfter("600").times(1));

    assertThat(client.get(uri(), BUDGET)).isPresent();

    assertThat(waits).hasSize(1);
    assertThat(waits.get(0)).isLessThanOrEqualTo(Duration.ofMillis(100));
  }
}
