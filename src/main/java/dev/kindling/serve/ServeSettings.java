package dev.kindling.serve;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@code kindling serve} runs.
 *
 * @param listen the address and port to bind (port 0: a free one)
 * @param workers how many validations or renders run at once
 * @param queue how many more requests may wait for a worker before new ones get 429
 * @param maxBodyBytes the largest request body accepted (413 beyond)
 * @param queueWait how long an admitted request may wait for a worker (503 beyond)
 * @param toolVersion the version SARIF reports name
 */
public record ServeSettings(
    InetSocketAddress listen,
    int workers,
    int queue,
    int maxBodyBytes,
    Duration queueWait,
    String toolVersion) {
  /** The body limit: 1 MiB, as a datasource's user data. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  /** The default queue of requests waiting for a worker. */
  public static final int QUEUE = 64;

  public ServeSettings {
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(queueWait, "queueWait");
    Objects.requireNonNull(toolVersion, "toolVersion");
    if (workers < 1 || queue < 0 || maxBodyBytes < 1) {
      throw new IllegalArgumentException("workers, queue and maxBodyBytes must be positive");
    }
  }

  /** The defaults for {@code listen}: one worker per processor, a queue of 64, 1 MiB, 10 s. */
  public static ServeSettings defaults(InetSocketAddress listen, String toolVersion) {
    return new ServeSettings(
        listen,
        Runtime.getRuntime().availableProcessors(),
        QUEUE,
        MAX_BODY_BYTES,
        Duration.ofSeconds(10),
        toolVersion);
  }
}
