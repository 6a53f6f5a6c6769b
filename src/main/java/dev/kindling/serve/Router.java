package dev.kindling.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.kindling.value.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Routes every request of the server: finds its endpoint (404, 405), refuses a body that is too
 * large (413) or of the wrong type (415) before reading it, admits work only while the bounded
 * queue has room (429), waits for one of the bounded workers (503 past the wait limit), and sends
 * the response with the security headers. Logs one line per request.
 */
final class Router implements HttpHandler {
  /**
   * An endpoint and how it is reached.
   *
   * @param method {@code GET} (HEAD too) or {@code POST}
   * @param endpoint what answers
   * @param work whether it reads a body and runs the validator or planner (bounded and queued)
   * @param cacheable whether the answer is a static asset of the page
   */
  record Route(String method, Endpoint endpoint, boolean work, boolean cacheable) {}

  /** The most of a too large body that is read (and dropped) before answering 413. */
  static final long DISCARD_LIMIT = 16L << 20;

  private final Map<String, Route> routes;
  private final ServeSettings settings;
  private final Semaphore admitted;
  private final Semaphore running;
  private final RequestLog log;
  private final OriginCheck origins;

  Router(Map<String, Route> routes, ServeSettings settings, RequestLog log) {
    this.routes = Map.copyOf(routes);
    this.settings = settings;
    this.admitted = new Semaphore(settings.workers() + settings.queue());
    this.running = new Semaphore(settings.workers());
    this.log = log;
    this.origins = new OriginCheck(settings.listen().getAddress().isLoopbackAddress());
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    long[] bytesIn = {0};
    Route route = routes.get(path);
    Response response;
    try {
      response = respond(exchange, method, route, bytesIn);
    } catch (HttpError e) {
      if (e.status() == 413) {
        discardBody(exchange);
      }
      response = Response.error(e.status(), e.getMessage(), headersFor(e, route));
    } catch (RuntimeException e) {
      // The class only: a message could quote the request.
      log.event("internal error: " + e.getClass().getName());
      response = Response.error(500, "internal error");
    }
    long out = send(exchange, method, response, route != null && route.cacheable());
    log.log(method, path, response.status(), bytesIn[0], out, System.nanoTime() - start);
  }

  private Response respond(HttpExchange exchange, String method, Route route, long[] bytesIn)
      throws HttpError {
    var headers = exchange.getRequestHeaders();
    origins.check(
        method,
        Optional.ofNullable(headers.getFirst("Host")),
        Optional.ofNullable(headers.getFirst("Origin")));
    if (route == null) {
      throw new HttpError(404, "not found");
    }
    boolean allowed =
        method.equals(route.method()) || (route.method().equals("GET") && method.equals("HEAD"));
    if (!allowed) {
      throw new HttpError(405, "method " + Text.clip(method, 16) + " is not allowed here");
    }
    if (!route.work()) {
      return route.endpoint().handle(new Request(Map.of(), Optional.empty(), Bytes.empty()));
    }
    Optional<String> contentType =
        Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type"));
    Map<String, String> query = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
    checkLength(exchange.getRequestHeaders().getFirst("Content-Length"));
    Upload.checkContentType(contentType);
    if (!admitted.tryAcquire()) {
      throw new HttpError(429, "too many requests are waiting; retry in a moment");
    }
    try {
      byte[] body = readBody(exchange.getRequestBody(), bytesIn);
      if (!running.tryAcquire(settings.queueWait().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new HttpError(503, "the server is busy; retry in a moment");
      }
      try {
        return route.endpoint().handle(new Request(query, contentType, Bytes.of(body)));
      } finally {
        running.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HttpError(503, "the server is stopping");
    } finally {
      admitted.release();
    }
  }

  private void checkLength(String contentLength) throws HttpError {
    if (contentLength == null) {
      return;
    }
    long length;
    try {
      length = Long.parseLong(contentLength.strip());
    } catch (NumberFormatException e) {
      throw new HttpError(400, "Content-Length is not a number");
    }
    if (length > settings.maxBodyBytes()) {
      throw tooLarge();
    }
  }

  private byte[] readBody(InputStream in, long[] bytesIn) throws HttpError {
    int max = settings.maxBodyBytes();
    byte[] buffer = new byte[Math.min(max + 1, 64 * 1024)];
    int n = 0;
    try {
      while (true) {
        if (n == buffer.length) {
          if (n > max) {
            throw tooLarge();
          }
          buffer = java.util.Arrays.copyOf(buffer, Math.min(max + 1, buffer.length * 2));
        }
        int r = in.read(buffer, n, buffer.length - n);
        if (r < 0) {
          break;
        }
        n += r;
        bytesIn[0] = n;
      }
    } catch (IOException e) {
      throw new HttpError(400, "the request body could not be read");
    }
    if (n > max) {
      throw tooLarge();
    }
    return java.util.Arrays.copyOf(buffer, n);
  }

  /**
   * Reads and drops the rest of a refused body (at most {@link #DISCARD_LIMIT} bytes, within the
   * request time limit), so that closing the connection does not reset it before the client has
   * read the 413.
   */
  private static void discardBody(HttpExchange exchange) {
    byte[] buffer = new byte[64 * 1024];
    long left = DISCARD_LIMIT;
    try (InputStream in = exchange.getRequestBody()) {
      int n;
      while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
        left -= n;
      }
    } catch (IOException e) {
      // the client went away: nothing to answer
    }
  }

  private HttpError tooLarge() {
    return new HttpError(
        413, "the body is larger than " + settings.maxBodyBytes() + " bytes (the limit)");
  }

  private static Map<String, String> headersFor(HttpError e, Route route) {
    return switch (e.status()) {
      case 405 -> Map.of("Allow", route.method().equals("GET") ? "GET, HEAD" : route.method());
      case 429, 503 -> Map.of("Retry-After", "1");
      case 413 -> Map.of("Connection", "close");
      default -> Map.of();
    };
  }

  /** Sends the response and returns the number of body bytes sent. */
  private static long send(HttpExchange exchange, String method, Response r, boolean cacheable)
      throws IOException {
    try (exchange) {
      var h = exchange.getResponseHeaders();
      SecurityHeaders.add(h, cacheable && r.status() == 200);
      h.set("Content-Type", r.contentType());
      r.headers().forEach(h::set);
      if (method.equals("HEAD")) {
        exchange.sendResponseHeaders(r.status(), -1);
        return 0;
      }
      byte[] body = r.body().toByteArray();
      exchange.sendResponseHeaders(r.status(), body.length == 0 ? -1 : body.length);
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(body);
      }
      return body.length;
    }
  }
}
