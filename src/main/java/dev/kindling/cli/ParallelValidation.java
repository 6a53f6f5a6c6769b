package dev.kindling.cli;

import dev.kindling.metadata.Metadata;
import dev.kindling.validate.FileReport;
import dev.kindling.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Validates inputs on every core and hands each report to a sink in input order, as soon as it and
 * every input before it are done. At most a small window of inputs is in flight, so memory does not
 * grow with the number of inputs. The first input is validated on the calling thread: a single file
 * starts no thread at all. {@link #close} stops every thread it started.
 */
final class ParallelValidation implements AutoCloseable {
  /** Receives the reports, in input order, on the calling thread. */
  interface Sink {
    void accept(FileReport report) throws IOException;
  }

  private final Optional<Metadata> metadata;
  private final Sink sink;
  private final int workers;
  private final int window;
  private final ArrayDeque<Future<FileReport>> inFlight = new ArrayDeque<>();
  private ExecutorService pool;
  // Every thread the pool made: close() joins them (termination alone does not wait for a worker
  // thread to end).
  private final List<Thread> started = new CopyOnWriteArrayList<>();
  private boolean first = true;

  ParallelValidation(Optional<Metadata> metadata, Sink sink) {
    this(metadata, sink, Runtime.getRuntime().availableProcessors());
  }

  ParallelValidation(Optional<Metadata> metadata, Sink sink, int workers) {
    this.metadata = metadata;
    this.sink = sink;
    this.workers = Math.max(1, workers);
    this.window = 4 * this.workers;
  }

  /** Validates one input; may first pass finished reports to the sink. */
  void submit(String name, byte[] bytes) throws IOException {
    if (first || workers == 1) {
      first = false;
      sink.accept(Validator.validate(name, bytes, metadata));
      return;
    }
    if (pool == null) {
      pool = startPool();
    }
    while (inFlight.size() >= window) {
      sink.accept(next());
    }
    inFlight.add(pool.submit(() -> Validator.validate(name, bytes, metadata)));
    while (!inFlight.isEmpty() && inFlight.peek().isDone()) {
      sink.accept(next());
    }
  }

  /** Waits for every input still in flight and passes its report on. */
  void finish() throws IOException {
    while (!inFlight.isEmpty()) {
      sink.accept(next());
    }
  }

  private FileReport next() {
    Future<FileReport> oldest = inFlight.remove();
    try {
      return oldest.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted while validating", e));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private ExecutorService startPool() {
    return new ThreadPoolExecutor(
        workers,
        workers,
        0,
        TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, "kindling-validate");
          t.setDaemon(true);
          started.add(t);
          return t;
        });
  }

  /** Cancels what is still in flight and stops the threads. */
  @Override
  public void close() {
    inFlight.forEach(f -> f.cancel(true));
    inFlight.clear();
    if (pool != null) {
      pool.shutdownNow();
      try {
        pool.awaitTermination(5, TimeUnit.SECONDS);
        for (Thread t : started) {
          t.join(5000);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
