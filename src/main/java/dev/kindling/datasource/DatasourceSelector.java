package dev.kindling.datasource;

import dev.kindling.datasource.http.Backoff;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the datasource to use: every candidate is probed in its own thread, again and again with
 * backoff while it may still become available, each within its own budget and all within one
 * overall deadline. The first available source wins; sources that become available at the same time
 * (within {@link #TIE_WINDOW} of the first) are ordered by their position in the candidate list,
 * which the CLI builds in a fixed order. Every probe is logged with its timing; every thread is
 * stopped before {@link #select} returns.
 */
public final class DatasourceSelector {
  /** Probe schedule: 100 ms doubling to 5 s (the original: to 30 s), a fifth of it random. */
  public static final Backoff DEFAULT_SCHEDULE =
      new Backoff(Integer.MAX_VALUE, Duration.ofMillis(100), Duration.ofSeconds(5), 0.2);

  /** How long an earlier-listed source still probing may still win over the first available. */
  static final Duration TIE_WINDOW = Duration.ofMillis(50);

  private static final Logger LOG = LoggerFactory.getLogger(DatasourceSelector.class);

  /**
   * A source to probe.
   *
   * @param source the datasource
   * @param budget how long this source may be probed (the overall deadline still applies)
   */
  public record Candidate(Datasource source, Duration budget) {
    public Candidate {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(budget, "budget");
    }
  }

  private final Backoff schedule;
  private final RandomGenerator random = new SplittableRandom();

  /** A selector that waits between probes of one source as {@code schedule} says. */
  public DatasourceSelector(Backoff schedule) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
  }

  /**
   * The first candidate to become available.
   *
   * @throws NoDatasourceException when none is available before the deadline, or all gave up
   */
  public Datasource select(List<Candidate> candidates, Deadline deadline)
      throws NoDatasourceException, InterruptedException {
    if (candidates.isEmpty()) {
      throw new NoDatasourceException("no datasource to try", null);
    }
    long start = System.nanoTime();
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            candidates.size(),
            r -> {
              Thread t = new Thread(r, "kindling-probe-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    Outcome[] outcomes = new Outcome[candidates.size()];
    try {
      CompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
      for (int i = 0; i < candidates.size(); i++) {
        int index = i;
        done.submit(() -> probe(index, candidates.get(index), deadline));
      }
      for (int finished = 0; finished < candidates.size(); ) {
        Future<Outcome> f = done.poll(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS);
        if (f == null) {
          break;
        }
        for (; f != null; f = done.poll()) { // also take those that finished at the same time
          Outcome o = result(f);
          outcomes[o.index] = o;
          finished++;
        }
        Optional<Outcome> best = best(outcomes);
        if (best.isPresent()) {
          long tieEnd = System.nanoTime() + TIE_WINDOW.toNanos();
          while (pendingBefore(outcomes, best.get().index)) {
            long wait = Math.min(tieEnd - System.nanoTime(), deadline.remaining().toNanos());
            Future<Outcome> g = wait > 0 ? done.poll(wait, TimeUnit.NANOSECONDS) : null;
            if (g == null) {
              break;
            }
            Outcome o = result(g);
            outcomes[o.index] = o;
            best = best(outcomes);
          }
          Datasource winner = candidates.get(best.get().index).source();
          LOG.info("selected {} after {} ms", winner.type(), millis(System.nanoTime() - start));
          return winner;
        }
      }
      boolean outOfTime = deadline.expired();
      for (Outcome o : outcomes) {
        outOfTime |= o == null || o.outOfTime;
      }
      throw noneAvailable(candidates, outcomes, outOfTime);
    } finally {
      pool.shutdownNow();
      if (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
        LOG.warn("datasource probes did not stop within 2 s");
      }
    }
  }

  private Outcome probe(int index, Candidate c, Deadline overall) throws InterruptedException {
    Datasource ds = c.source();
    Deadline mine = overall.atMost(c.budget());
    String logged = null;
    for (int attempt = 1; ; attempt++) {
      long t0 = System.nanoTime();
      boolean available;
      Optional<ProbeFailure> failure;
      try {
        available = ds.isAvailable(mine);
        failure = available ? Optional.empty() : failureOf(ds);
      } catch (RuntimeException e) {
        available = false;
        failure = Optional.of(new ProbeFailure("probe failed: " + e, true));
      }
      String ms = millis(System.nanoTime() - t0);
      if (available) {
        LOG.info("probe {} #{}: available ({} ms)", ds.type(), attempt, ms);
        return new Outcome(index, true, Optional.empty(), false);
      }
      String why = failure.map(ProbeFailure::reason).orElse("unavailable");
      // "unavailable: unavailable" says it twice; a reason is printed only when there is one.
      String reason = why.equals("unavailable") ? "" : ": " + why;
      // A source probed again and again says why once, and again only when the reason changes.
      if (why.equals(logged)) {
        LOG.debug("probe {} #{}: unavailable ({} ms){}", ds.type(), attempt, ms, reason);
      } else {
        LOG.info("probe {} #{}: unavailable ({} ms){}", ds.type(), attempt, ms, reason);
        logged = why;
      }
      boolean permanent = failure.map(ProbeFailure::permanent).orElse(false);
      if (permanent || !ds.availabilityChanges()) {
        return new Outcome(index, false, failure, false);
      }
      Duration wait = schedule.delayAfter(Math.min(attempt, 30), random);
      if (wait.compareTo(mine.remaining()) >= 0) {
        return new Outcome(index, false, failure, true);
      }
      TimeUnit.NANOSECONDS.sleep(wait.toNanos());
    }
  }

  private static Optional<Outcome> best(Outcome[] outcomes) {
    for (Outcome o : outcomes) {
      if (o != null && o.available) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  private static boolean pendingBefore(Outcome[] outcomes, int index) {
    for (int i = 0; i < index; i++) {
      if (outcomes[i] == null) {
        return true;
      }
    }
    return false;
  }

  private static Optional<ProbeFailure> failureOf(Datasource ds) {
    return ds instanceof ProbeReporting p ? p.lastProbeFailure() : Optional.empty();
  }

  private static Outcome result(Future<Outcome> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("datasource probe failed", e.getCause());
    }
  }

  private static NoDatasourceException noneAvailable(
      List<Candidate> candidates, Outcome[] outcomes, boolean timedOut) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Datasource ds = candidates.get(i).source();
      Optional<ProbeFailure> f = outcomes[i] != null ? outcomes[i].failure : failureOf(ds);
      parts.add(ds.type() + " (" + f.map(ProbeFailure::reason).orElse("unavailable") + ")");
    }
    return new NoDatasourceException(
        "no datasource available"
            + (timedOut ? " in time" : "")
            + "; tried "
            + String.join(", ", parts),
        null);
  }

  private static String millis(long nanos) {
    return Long.toString(TimeUnit.NANOSECONDS.toMillis(nanos));
  }

  /** One source's probing result; {@code outOfTime} when its budget ended the probing. */
  private record Outcome(
      int index, boolean available, Optional<ProbeFailure> failure, boolean outOfTime) {}
}
