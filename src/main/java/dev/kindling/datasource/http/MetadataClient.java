package dev.kindling.datasource.http;

import dev.kindling.trace.StartupTrace;
import dev.kindling.value.Redaction;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP client of the metadata datasources (OkHttp 5): per-attempt timeouts, retries with
 * jittered backoff (and the server's {@code Retry-After}) until the caller's deadline, a body size
 * limit, 404 as {@code Optional.empty()} and a typed {@link HttpFailure} for everything else.
 *
 * <p>Plain {@code http://} URLs go through a cleartext-only client, so no TLS stack (trust store,
 * providers) is built for the metadata services; a TLS client is built only the first time an
 * {@code https://} URL is requested. Redirects are not followed and no proxy is used: a metadata
 * answer must come from the address asked. {@link #close()} cancels what is in flight and stops
 * every thread the client started.
 */
public final class MetadataClient implements AutoCloseable {
  /** The default largest body accepted (user data on EC2 is at most 16 KiB, GCE 256 KiB). */
  public static final long DEFAULT_BODY_LIMIT = 16L * 1024 * 1024;

  /** The default timeout of one attempt (coreos-cloudinit's client used 10 s). */
  public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

  /** The least time worth a last attempt: the backoff's wait is shortened to leave this. */
  static final Duration MIN_LAST_ATTEMPT = Duration.ofMillis(250);

  private static final Logger LOG = LoggerFactory.getLogger(MetadataClient.class);

  private final Backoff backoff;
  private final Duration attemptTimeout;
  private final long bodyLimit;
  private final RandomGenerator random;
  private final Sleeper sleeper;
  private final LongSupplier clock;
  // The thread pool, OkHttp's dispatcher and its connection pool are made with the first client,
  // not here: a run from a local source makes a client too and never sends a request, and
  // building them loads and starts OkHttp's task runner.
  private ExecutorService executor; // guarded by this
  private Dispatcher dispatcher; // guarded by this
  private ConnectionPool pool; // guarded by this
  // Every thread the executor made: close() joins them (termination alone does not wait for a
  // worker thread to end).
  private final Set<Thread> started = ConcurrentHashMap.newKeySet();
  private OkHttpClient cleartext; // guarded by this
  private OkHttpClient tls; // guarded by this
  private boolean closed; // guarded by this

  private MetadataClient(Builder b) {
    this.backoff = b.backoff;
    this.attemptTimeout = b.attemptTimeout;
    this.bodyLimit = b.bodyLimit;
    this.random = b.random;
    this.sleeper = b.sleeper;
    this.clock = b.clock;
  }

  // guarded by this (called from client())
  private ExecutorService executor() {
    AtomicInteger threads = new AtomicInteger();
    return new ThreadPoolExecutor(
        0,
        Integer.MAX_VALUE,
        10,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        r -> {
          Thread t = new Thread(r, "kindling-http-" + threads.incrementAndGet());
          t.setDaemon(true);
          started.add(t);
          return t;
        });
  }

  /** A builder with the production defaults ({@link Backoff#standard()}, 10 s, 16 MiB). */
  public static Builder builder() {
    return new Builder();
  }

  /** A GET of {@code uri} within {@code budget}; see {@link #send}. */
  public Optional<byte[]> get(URI uri, Duration budget)
      throws MetadataHttpException, InterruptedException {
    return send(MetadataRequest.get(uri), budget);
  }

  /**
   * Sends {@code request}, retrying transient failures ({@link HttpFailure#isTransient()}) with
   * backoff, never past {@code budget} from now. A 429 or 503 with {@code Retry-After} waits as
   * long as the server asked, or fails at once when that is past the budget.
   *
   * @return the body of a 2xx response, or empty for a 404
   * @throws MetadataHttpException for any other outcome (typed)
   * @throws InterruptedException when the calling thread is interrupted (the call is cancelled)
   */
  public Optional<byte[]> send(MetadataRequest request, Duration budget)
      throws MetadataHttpException, InterruptedException {
    checkScheme(request.uri());
    long end = clock.getAsLong() + Math.max(0, budget.toNanos());
    int max = request.maxAttempts().orElse(backoff.maxAttempts());
    Duration perAttempt = request.attemptTimeout().orElse(attemptTimeout);
    String what = request.method() + " " + Redaction.url(request.uri());
    MetadataHttpException last = null;
    for (int attempt = 1; attempt <= max; attempt++) {
      long left = end - clock.getAsLong();
      if (left <= 0) {
        throw last != null
            ? last
            : new MetadataHttpException(
                HttpFailure.DEADLINE, 0, 0, what + ": no time left for an attempt", null);
      }
      Duration timeout = perAttempt.toNanos() < left ? perAttempt : Duration.ofNanos(left);
      // The first attempt is at debug level: a datasource probed again and again would repeat the
      // same line; the probe logs its outcome, and each retry is logged below.
      if (attempt == 1) {
        LOG.debug("{}: attempt #{}", what, attempt);
      } else {
        LOG.info("{}: attempt #{}", what, attempt);
      }
      AttemptOutcome outcome = once(request, timeout);
      try {
        return outcome.result(what, timeout, attempt);
      } catch (MetadataHttpException e) {
        if (!e.failure().isTransient() || attempt == max) {
          throw e;
        }
        last = e;
        Duration sleep = pause(outcome, e, attempt, end - clock.getAsLong());
        LOG.warn("{} (attempt #{}; retrying in {} ms)", e.getMessage(), attempt, sleep.toMillis());
        if (!sleep.isZero()) {
          sleeper.sleep(sleep);
        }
      }
    }
    throw Objects.requireNonNull(last);
  }

  /**
   * The wait before the next attempt: what the server asked for, else the backoff's, shortened so
   * that one more attempt fits before the deadline; throws {@code failed} when none fits.
   */
  private Duration pause(
      AttemptOutcome outcome, MetadataHttpException failed, int attempt, long remaining)
      throws MetadataHttpException {
    if (outcome.retryAfter().isPresent()) {
      Duration asked = outcome.retryAfter().get();
      if (asked.toNanos() >= remaining) {
        throw new MetadataHttpException(
            failed.failure(),
            failed.status().orElse(0),
            attempt,
            failed.getMessage()
                + " (the server asked to retry after "
                + asked.toSeconds()
                + " s, past the deadline)",
            failed.getCause());
      }
      return asked;
    }
    long room = remaining - MIN_LAST_ATTEMPT.toNanos();
    if (room <= 0) {
      throw failed;
    }
    Duration sleep;
    synchronized (random) { // requests may be sent from several threads at once
      sleep = backoff.delayAfter(attempt, random);
    }
    return sleep.toNanos() > room ? Duration.ofNanos(room) : sleep;
  }

  private AttemptOutcome once(MetadataRequest request, Duration timeout)
      throws InterruptedException {
    Request.Builder rb = new Request.Builder().url(request.uri().toString());
    // Raw bytes as served: no transparent gzip (user data may itself be gzip).
    rb.header("Accept-Encoding", "identity");
    request.headers().forEach(rb::header);
    if (request.method().equals("PUT")) {
      rb.put(RequestBody.EMPTY);
    }
    long start = StartupTrace.start();
    try {
      return once(request, rb, timeout);
    } finally {
      StartupTrace.end("http: request", start);
    }
  }

  private AttemptOutcome once(MetadataRequest request, Request.Builder rb, Duration timeout)
      throws InterruptedException {
    Call call = client(request.uri()).newCall(rb.build());
    call.timeout().timeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
    CompletableFuture<AttemptOutcome> future = new CompletableFuture<>();
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call c, IOException e) {
            future.complete(AttemptOutcome.failed(e));
          }

          @Override
          public void onResponse(Call c, Response response) {
            future.complete(AttemptOutcome.read(request, response, bodyLimit));
          }
        });
    try {
      // The call timeout bounds the call; the extra second only guards against a lost callback.
      return future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      call.cancel();
      throw e;
    } catch (TimeoutException e) {
      call.cancel();
      return AttemptOutcome.failed(new InterruptedIOException("timeout"));
    } catch (ExecutionException e) {
      return AttemptOutcome.failed(new IOException(e.getCause()));
    }
  }

  private synchronized OkHttpClient client(URI uri) {
    if (closed) {
      throw new IllegalStateException("metadata client is closed");
    }
    boolean https = uri.getScheme().equalsIgnoreCase("https");
    long start = StartupTrace.start();
    if (dispatcher == null) {
      executor = executor();
      dispatcher = new Dispatcher(executor);
      // Probes of several datasources may target one host in parallel (OkHttp's default is 5).
      dispatcher.setMaxRequests(64);
      dispatcher.setMaxRequestsPerHost(64);
      pool = new ConnectionPool();
    }
    if (https && tls == null) {
      tls = base().build(); // default connection specs: TLS (and the trust store) built now
    } else if (!https && cleartext == null) {
      cleartext = base().connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)).build();
    }
    StartupTrace.end("http: client", start);
    return https ? tls : cleartext;
  }

  // guarded by this (called from client())
  private OkHttpClient.Builder base() {
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(pool)
        .proxy(Proxy.NO_PROXY)
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false);
  }

  /** Cancels calls in flight, stops the dispatcher's threads and closes pooled connections. */
  @Override
  public void close() {
    Dispatcher madeDispatcher;
    ConnectionPool madePool;
    ExecutorService madeExecutor;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      madeDispatcher = dispatcher;
      madePool = pool;
      madeExecutor = executor;
    }
    if (madeDispatcher != null) {
      madeDispatcher.cancelAll();
    }
    if (madeExecutor == null) {
      return; // no request was ever sent: no thread, no pool
    }
    madeExecutor.shutdownNow();
    madePool.evictAll();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
      boolean stopped = madeExecutor.awaitTermination(2, TimeUnit.SECONDS);
      for (Thread t : started) {
        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        stopped &= !t.isAlive();
      }
      if (!stopped) {
        LOG.warn("metadata client threads did not stop within 2 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Rejects URLs that are not absolute {@code http} or {@code https} URLs with a host. */
  public static void checkScheme(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "unsupported URL scheme \""
              + scheme
              + "\" in "
              + Redaction.url(uri)
              + ": only http and https are supported");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("URL has no host: " + Redaction.url(uri));
    }
  }

  /** How the client waits between attempts ({@link Thread#sleep} in production). */
  @FunctionalInterface
  public interface Sleeper {
    /** Waits {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
  }

  /** Settings of a {@link MetadataClient}. */
  public static final class Builder {
    private Backoff backoff = Backoff.standard();
    private Duration attemptTimeout = DEFAULT_ATTEMPT_TIMEOUT;
    private long bodyLimit = DEFAULT_BODY_LIMIT;
    private RandomGenerator random = new SplittableRandom();
    private Sleeper sleeper = d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
    private LongSupplier clock = System::nanoTime;

    private Builder() {}

    /** The retry schedule ({@link Backoff#none()} in tests). */
    public Builder backoff(Backoff backoff) {
      this.backoff = Objects.requireNonNull(backoff, "backoff");
      return this;
    }

    /** The timeout of one attempt. */
    public Builder attemptTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("attempt timeout must be positive: " + timeout);
      }
      this.attemptTimeout = timeout;
      return this;
    }

    /** The largest body accepted, in bytes. */
    public Builder bodyLimit(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("body limit must not be negative: " + bytes);
      }
      this.bodyLimit = bytes;
      return this;
    }

    /** The source of jitter. */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * How to wait between attempts and how to read the time ({@link System#nanoTime}): tests pass a
     * clock that the sleeper advances, so a schedule of minutes is checked without waiting.
     */
    public Builder time(Sleeper sleeper, LongSupplier clock) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** A new client; close it when done. */
    public MetadataClient build() {
      return new MetadataClient(this);
    }
  }
}
