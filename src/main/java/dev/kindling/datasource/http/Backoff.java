package dev.kindling.datasource.http;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often a request is attempted and how long to wait between attempts: exponential backoff with
 * jitter, capped. The overall deadline of the caller always wins over this schedule, and a server's
 * {@code Retry-After} wins over the computed wait.
 *
 * @param maxAttempts attempts in all, at least 1 (1 = no retry; {@link #UNTIL_DEADLINE} = as many
 *     as the caller's deadline allows)
 * @param initial the wait before the second attempt
 * @param max the longest wait between two attempts
 * @param jitter the fraction (0..1) of each wait that is randomised (0 = exact waits)
 */
public record Backoff(int maxAttempts, Duration initial, Duration max, double jitter) {
  /** No limit on attempts: only the caller's deadline ends the retries. */
  public static final int UNTIL_DEADLINE = Integer.MAX_VALUE;

  public Backoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    if (initial.isNegative() || max.isNegative() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 <= initial <= max: " + initial + ", " + max);
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be within [0, 1]: " + jitter);
    }
  }

  /**
   * The production schedule for metadata requests: attempts until the caller's deadline, waits of
   * 100 ms doubling to at most 5 s (coreos-cloudinit's cap), each drawn uniformly between 0 and
   * that value ("full jitter"), so a fleet booting at once spreads its retries instead of hitting a
   * struggling service in lockstep, and a service that fails for a while does not cost the boot.
   */
  public static Backoff standard() {
    return new Backoff(UNTIL_DEADLINE, Duration.ofMillis(100), Duration.ofSeconds(5), 1.0);
  }

  /** Three attempts without any wait: for tests, which must never sleep. */
  public static Backoff none() {
    return new Backoff(3, Duration.ZERO, Duration.ZERO, 0);
  }

  /** This schedule with another number of attempts. */
  public Backoff withMaxAttempts(int attempts) {
    return new Backoff(attempts, initial, max, jitter);
  }

  /**
   * The wait after attempt number {@code attempt} (1-based) failed: {@code initial *
   * 2^(attempt-1)}, capped at {@code max}, of which the {@code jitter} fraction is drawn uniformly
   * at random.
   */
  public Duration delayAfter(int attempt, RandomGenerator random) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt is 1-based: " + attempt);
    }
    long base = initial.toNanos();
    long cap = max.toNanos();
    long delay = base;
    for (int i = 1; i < attempt && delay < cap; i++) {
      delay = delay > cap / 2 ? cap : delay * 2;
    }
    delay = Math.min(delay, cap);
    if (jitter == 0 || delay == 0) {
      return Duration.ofNanos(delay);
    }
    long fixed = (long) (delay * (1 - jitter));
    long random0 = delay - fixed;
    return Duration.ofNanos(fixed + (random0 == 0 ? 0 : random.nextLong(random0 + 1)));
  }
}
