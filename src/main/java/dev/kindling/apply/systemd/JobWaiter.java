package dev.kindling.apply.systemd;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.freedesktop.dbus.interfaces.DBusSigHandler;

/**
 * Collects systemd's {@code JobRemoved} signals so a caller can wait for the job it queued.
 *
 * <p>A job can finish before its method reply (with the job's path) is read, so the handler is
 * subscribed once when the connection opens and every signal that arrives while a caller is {@link
 * #expect() expecting} a job is kept until that caller claims it by path. Outside of that nothing
 * is kept, so signals of other clients' jobs do not pile up.
 */
final class JobWaiter implements DBusSigHandler<SystemdBus.Manager.JobRemoved> {
  private final Map<String, String> results = new HashMap<>();
  private int expecting;

  @Override
  public synchronized void handle(SystemdBus.Manager.JobRemoved signal) {
    if (expecting > 0) {
      results.put(signal.jobPath(), signal.result());
      notifyAll();
    }
  }

  /** Starts keeping signals; call before queuing the job, then {@link #await} or {@link #done}. */
  synchronized void expect() {
    expecting++;
  }

  /** Stops keeping signals for one caller that gave up before awaiting. */
  synchronized void done() {
    expecting--;
    if (expecting == 0) {
      results.clear();
    }
  }

  /**
   * Waits until the job at {@code jobPath} is removed and returns its result, or empty if {@code
   * timeout} passed first. Ends one {@link #expect()}.
   */
  synchronized Optional<String> await(String jobPath, Duration timeout)
      throws InterruptedException {
    try {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (!results.containsKey(jobPath)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return Optional.empty();
        }
        Duration wait = Duration.ofNanos(left);
        wait(Math.max(1, wait.toMillis()));
      }
      return Optional.of(results.remove(jobPath));
    } finally {
      done();
    }
  }
}
