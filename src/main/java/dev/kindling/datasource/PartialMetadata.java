package dev.kindling.datasource;

import dev.kindling.metadata.Metadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Metadata as far as it could be fetched, and what could not: a source that reads item by item
 * (EC2, GCE) keeps every item that arrived when another fails, so the agent can apply what is known
 * and report the rest.
 *
 * @param metadata what arrived
 * @param failures one message per item that failed, e.g. {@code failed to fetch public-keys/: GET
 *     ...: HTTP 500 (...)}; empty when everything arrived
 */
public record PartialMetadata(Metadata metadata, List<String> failures) {
  public PartialMetadata {
    Objects.requireNonNull(metadata, "metadata");
    failures = List.copyOf(failures);
  }

  /** Metadata that arrived whole. */
  public static PartialMetadata complete(Metadata metadata) {
    return new PartialMetadata(metadata, List.of());
  }

  /**
   * The metadata when everything arrived.
   *
   * @throws DatasourceException with the first failure otherwise
   */
  public Metadata orThrow() throws DatasourceException {
    if (!failures.isEmpty()) {
      throw new DatasourceException(failures.get(0));
    }
    return metadata;
  }

  /** One metadata item to fetch; empty when the source does not have it. */
  @FunctionalInterface
  public interface Item<T> {
    /** Fetches the item. */
    Optional<T> fetch() throws DatasourceException, InterruptedException;
  }

  /**
   * Collects the failures of the items of one metadata fetch. Items are fetched one at a time
   * ({@link #item}) or several at once ({@link #start}, then {@link #join} in the order the
   * failures are to be listed), each on its own thread: the requests of one fetch do not depend on
   * each other once a session is set up, and a boot waits for their sum otherwise.
   */
  public static final class Failures {
    private final List<String> messages = new ArrayList<>();
    private final List<Pending<?>> pending = new ArrayList<>();

    /** The item, or empty when it failed (the failure is kept). */
    public <T> Optional<T> item(Item<T> item) throws InterruptedException {
      try {
        return item.fetch();
      } catch (DatasourceException e) {
        messages.add(e.getMessage());
        return Optional.empty();
      }
    }

    /** Starts fetching the item on a thread of its own; {@link #join} it for its value. */
    public <T> Pending<T> start(Item<T> item) {
      Pending<T> p = new Pending<>(item);
      pending.add(p);
      p.thread.start();
      return p;
    }

    /**
     * The started item, or empty when it failed (the failure is kept, after those of the items
     * joined before). When this thread is interrupted, every item still being fetched is
     * interrupted too, and none is left running.
     */
    public <T> Optional<T> join(Pending<T> p) throws InterruptedException {
      awaitItem(p);
      if (p.failure != null) {
        messages.add(p.failure.getMessage());
        return Optional.empty();
      }
      return p.value;
    }

    /**
     * The started item, for an item the whole fetch needs: its failure is thrown as it was thrown,
     * after every item still being fetched is interrupted and ended (a source that reads one item
     * after another would not have started them).
     */
    public <T> Optional<T> require(Pending<T> p) throws DatasourceException, InterruptedException {
      awaitItem(p);
      if (p.failure != null) {
        endAll();
        throw p.failure;
      }
      return p.value;
    }

    /** Waits for the item; rethrows its interruption or unchecked failure. */
    private void awaitItem(Pending<?> p) throws InterruptedException {
      try {
        p.thread.join();
      } catch (InterruptedException e) {
        endAll();
        throw e;
      }
      if (p.interrupted != null) {
        throw p.interrupted;
      }
      if (p.crashed instanceof RuntimeException e) {
        throw e;
      }
      if (p.crashed instanceof Error e) {
        throw e;
      }
    }

    /**
     * Interrupts every started item and waits until each has ended: for a fetch that gives up
     * before joining them all (items already joined have ended; this is a no-op for them).
     */
    public void endAll() throws InterruptedException {
      for (Pending<?> other : pending) {
        other.thread.interrupt();
      }
      InterruptedException interrupted = null;
      for (Pending<?> other : pending) {
        while (other.thread.isAlive()) {
          try {
            other.thread.join();
          } catch (InterruptedException e) {
            interrupted = e;
          }
        }
      }
      if (interrupted != null) {
        throw interrupted;
      }
    }

    /** Records a failure found while reading an item. */
    public void add(String message) {
      messages.add(message);
    }

    /** The failures so far, in order. */
    public List<String> list() {
      return List.copyOf(messages);
    }
  }

  /**
   * An item being fetched on its own thread ({@link Failures#start}). Its fields are written by
   * that thread before it ends and read after {@link Thread#join()}, which orders the two.
   */
  public static final class Pending<T> {
    private final Thread thread;
    private Optional<T> value = Optional.empty();
    private DatasourceException failure;
    private InterruptedException interrupted;
    private Throwable crashed; // a RuntimeException or an Error

    private Pending(Item<T> item) {
      thread =
          new Thread(
              () -> {
                try {
                  value = item.fetch();
                } catch (DatasourceException e) {
                  failure = e;
                } catch (InterruptedException e) {
                  interrupted = e;
                } catch (RuntimeException | Error e) {
                  crashed = e;
                }
              },
              "kindling-metadata-item");
      thread.setDaemon(true);
    }
  }
}
