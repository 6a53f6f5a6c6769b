package dev.kindling.datasource;

import java.time.Duration;
import java.util.Objects;

/** A point in (monotonic) time by which an operation must finish. */
public record Deadline(long nanoTime) {
  /** The deadline {@code budget} from now. */
  public static Deadline in(Duration budget) {
    Objects.requireNonNull(budget, "budget");
    return new Deadline(System.nanoTime() + budget.toNanos());
  }

  /** Time left, zero when passed. */
  public Duration remaining() {
    long left = nanoTime - System.nanoTime();
    return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
  }

  /** Whether the deadline has passed. */
  public boolean expired() {
    return nanoTime - System.nanoTime() <= 0;
  }

  /** The earlier of this deadline and {@code budget} from now. */
  public Deadline atMost(Duration budget) {
    Deadline other = in(budget);
    return other.nanoTime - nanoTime < 0 ? other : this;
  }
}
