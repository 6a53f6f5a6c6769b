package dev.kindling.serve;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server behind {@code kindling serve}: the JDK's built-in HTTP server with a fixed pool of
 * request threads, the {@link Router} that bounds the work they do, and the page, API and health
 * endpoints.
 *
 * <p>Bounds: the request threads are {@code workers + queue + 8} (enough that admission, not the
 * pool, decides who waits; the extra threads keep the page and {@code /healthz} answering under
 * load), the connection backlog of the pool is bounded, each request must arrive within 10 s and
 * its answer leave within 10 s, and headers are limited to 64 KiB.
 */
public final class ValidatorServer implements AutoCloseable {
  /** Request threads beyond those validating or queued: the page, assets and health checks. */
  static final int SPARE_THREADS = 8;

  /** Accepted connections waiting for a request thread before new ones are closed. */
  static final int BACKLOG = 256;

  static {
    // Read once, when the JDK's server classes load; a -D on the command line wins.
    setIfAbsent("sun.net.httpserver.maxReqTime", "10");
    setIfAbsent("sun.net.httpserver.maxRspTime", "10");
    setIfAbsent("sun.net.httpserver.maxReqHeaders", "100");
    setIfAbsent("sun.net.httpserver.maxReqHeaderSize", "65536");
    setIfAbsent("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final ThreadPoolExecutor threads;
  private final RequestLog log;

  private ValidatorServer(HttpServer server, ThreadPoolExecutor threads, RequestLog log) {
    this.server = server;
    this.threads = threads;
    this.log = log;
  }

  /**
   * Binds and starts a server.
   *
   * @param settings where to listen and the bounds
   * @param renderer the code path of {@code render --format json}
   * @param logOut where request log lines go (method, path, status, sizes, time; never data)
   * @throws IOException when the address cannot be bound
   */
  public static ValidatorServer start(
      ServeSettings settings, PlanRenderer renderer, PrintWriter logOut) throws IOException {
    RequestLog log = new RequestLog(logOut);
    Map<String, Router.Route> routes = new LinkedHashMap<>();
    Assets.endpoints()
        .forEach((path, e) -> routes.put(path, new Router.Route("GET", e, false, true)));
    Response docs = CodeDocsPage.response();
    routes.put("/docs/codes", new Router.Route("GET", request -> docs, false, true));
    routes.put("/healthz", new Router.Route("GET", new HealthEndpoint(), false, false));
    routes.put(
        "/v1/validate",
        new Router.Route("POST", new ValidateEndpoint(settings.toolVersion()), true, false));
    routes.put("/v1/render", new Router.Route("POST", new RenderEndpoint(renderer), true, false));
    Router router = new Router(routes, settings, log);

    int size = settings.workers() + settings.queue() + SPARE_THREADS;
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor threads =
        new ThreadPoolExecutor(
            size,
            size,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(BACKLOG),
            r -> {
              Thread t = new Thread(r, "kindling-serve-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    threads.allowCoreThreadTimeOut(true);
    HttpServer server = HttpServer.create(settings.listen(), BACKLOG);
    server.createContext("/", router);
    server.setExecutor(threads);
    server.start();
    return new ValidatorServer(server, threads, log);
  }

  /** The bound address (with the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** The page's URL, {@code http://HOST:PORT/} (IPv6 hosts in brackets). */
  public URI url() {
    InetSocketAddress a = address();
    String host = a.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host.replaceFirst("%.*$", "") + "]";
    }
    return URI.create("http://" + host + ":" + a.getPort() + "/");
  }

  /** Stops accepting, lets running requests finish for up to a second, then ends the threads. */
  @Override
  public void close() {
    server.stop(1);
    threads.shutdownNow();
    log.event("stopped");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
