package dev.kindling.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A metadata service on loopback for tests and the VM end-to-end stage: one JDK HTTP server on
 * {@code 127.0.0.1} serving a fixture directory in the layout of one cloud, with that cloud's rules
 * and with injectable {@link Fault}s.
 *
 * <p>A request path maps to a file below the fixture directory. A directory answers with its {@code
 * _index} file if there is one, else with its entries one per line (directories with a trailing
 * {@code /}, as EC2 lists them). Flavors add the protocol rules:
 *
 * <ul>
 *   <li>{@code ec2}: IMDSv2 sessions. {@code PUT /latest/api/token} needs {@code
 *       X-aws-ec2-metadata-token-ttl-seconds} (1..21600, else 400; with {@code X-Forwarded-For}:
 *       403; other methods: 405) and returns a token valid for that TTL. Every GET needs a valid
 *       {@code X-aws-ec2-metadata-token} (missing, unknown or expired: 401) unless IMDSv1 is
 *       allowed ({@link #allowImdsV1}).
 *   <li>{@code gce}: every request needs {@code Metadata-Flavor: Google} (else 403) and every
 *       response carries it.
 *   <li>{@code openstack}, {@code digitalocean}, {@code packet}, {@code plain}: files as they are.
 * </ul>
 *
 * <p>Standalone, for the VM end-to-end stage (prints the bound port on the first line of standard
 * output, serves until killed):
 *
 * <pre>
 * java -cp target/test-classes:target/classes dev.kindling.testing.MetadataEmulator \
 *     0 ec2 src/test/resources/datasource/ec2/basic [--imdsv1] [--bind ADDRESS]
 * </pre>
 *
 * <p>The port argument 0 picks a free port. {@code --bind} defaults to 127.0.0.1; a guest on a
 * host-only network needs the host's address on that network (never a public one).
 */
public final class MetadataEmulator implements AutoCloseable {
  /** The layouts and protocol rules the emulator knows. */
  public enum Flavor {
    EC2,
    GCE,
    OPENSTACK,
    DIGITALOCEAN,
    PACKET,
    PLAIN;

    static Flavor parse(String s) {
      return valueOf(s.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * One request the emulator received.
   *
   * @param method the HTTP method
   * @param path the request path
   * @param headers request headers, names in lower case (first value of each)
   */
  public record Recorded(String method, String path, Map<String, String> headers) {}

  static final String TOKEN_PATH = "/latest/api/token";
  static final String TTL_HEADER = "X-aws-ec2-metadata-token-ttl-seconds";
  static final String TOKEN_HEADER = "X-aws-ec2-metadata-token";
  static final String FLAVOR_HEADER = "Metadata-Flavor";

  private final Flavor flavor;
  private final Path root;
  private volatile PrintStream requestLog;
  private final HttpServer server;
  private final ExecutorService executor;
  private final Map<String, List<ActiveFault>> faults = new ConcurrentHashMap<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Long> tokens = new ConcurrentHashMap<>(); // token -> expiry (nanoTime)
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile boolean imdsV1;

  private MetadataEmulator(Flavor flavor, Path root, InetSocketAddress address) throws IOException {
    this.flavor = flavor;
    this.root = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(this.root)) {
      throw new IOException("fixture directory not found: " + root);
    }
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "metadata-emulator-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.server = HttpServer.create(address, 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts an emulator on a free loopback port. */
  public static MetadataEmulator start(Flavor flavor, Path fixtureDir) throws IOException {
    return start(flavor, fixtureDir, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  /** Starts an emulator on {@code address}. */
  public static MetadataEmulator start(Flavor flavor, Path fixtureDir, InetSocketAddress address)
      throws IOException {
    return new MetadataEmulator(flavor, fixtureDir, address);
  }

  /** The base URL, e.g. {@code http://127.0.0.1:41234/}. */
  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port() + "/");
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Injects {@code fault} on {@code path} (exact path, e.g. {@code /latest/user-data}). */
  public MetadataEmulator fault(String path, Fault fault) {
    faults
        .computeIfAbsent(normalise(path), p -> new CopyOnWriteArrayList<>())
        .add(new ActiveFault(fault, new AtomicInteger(fault.times())));
    return this;
  }

  /** Lets EC2 GETs without a token through (IMDSv1, "HttpTokens: optional"). */
  public MetadataEmulator allowImdsV1(boolean allow) {
    this.imdsV1 = allow;
    return this;
  }

  /**
   * Logs one line per request to {@code log} ({@code METHOD PATH token=yes|no flavor=yes|no}), for
   * the standalone emulator serving VM guests. Header values are never logged.
   */
  public MetadataEmulator logRequests(PrintStream log) {
    this.requestLog = log;
    return this;
  }

  /** Every request received so far, in order. */
  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /** How many requests with {@code method} on {@code path} arrived. */
  public long count(String method, String path) {
    String p = normalise(path);
    return requests.stream().filter(r -> r.method.equals(method) && r.path.equals(p)).count();
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      String path = normalise(ex.getRequestURI().getPath());
      Map<String, String> headers = new LinkedHashMap<>();
      ex.getRequestHeaders()
          .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.isEmpty() ? "" : v.get(0)));
      requests.add(new Recorded(ex.getRequestMethod(), path, Collections.unmodifiableMap(headers)));
      PrintStream log = requestLog;
      if (log != null) {
        log.println(
            ex.getRequestMethod()
                + " "
                + path
                + " token="
                + (headers.containsKey(TOKEN_HEADER.toLowerCase(Locale.ROOT)) ? "yes" : "no")
                + " flavor="
                + (headers.containsKey(FLAVOR_HEADER.toLowerCase(Locale.ROOT)) ? "yes" : "no"));
      }
      ex.getRequestBody().readAllBytes();
      Optional<Fault> fault = takeFault(path);
      boolean flavorHeader = flavor == Flavor.GCE;
      if (fault.isPresent()) {
        Fault f = fault.get();
        switch (f.kind()) {
          case STATUS -> {
            if (!f.retryAfter().isEmpty()) {
              ex.getResponseHeaders().set("Retry-After", f.retryAfter());
            }
            respond(ex, f.status(), new byte[0], flavorHeader);
            return;
          }
          case DELAY -> Thread.sleep(f.delay().toMillis());
          case RESET -> throw new IOException("fault: drop the connection without an answer");
          case HANG -> {
            closed.await();
            ex.close();
            return;
          }
          case OVERSIZE -> {
            byte[] big = new byte[f.size()];
            java.util.Arrays.fill(big, (byte) 'x');
            respond(ex, 200, big, flavorHeader);
            return;
          }
          case EXPIRE_TOKENS -> tokens.replaceAll((k, v) -> System.nanoTime() - 1);
          case NO_FLAVOR_HEADER -> flavorHeader = false;
          case TRUNCATE -> {
            Answer a = answer(ex, path);
            byte[] half = java.util.Arrays.copyOf(a.body, a.body.length / 2);
            applyFlavorHeader(ex, flavorHeader);
            ex.sendResponseHeaders(a.status, Math.max(1, a.body.length));
            OutputStream out = ex.getResponseBody();
            out.write(half);
            out.flush();
            // An exception out of the handler makes the server drop the connection mid-body.
            throw new IOException("fault: truncate the body");
          }
        }
      }
      Answer a = answer(ex, path);
      a.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
      respond(ex, a.status, a.body, flavorHeader);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ex.close();
    } catch (RuntimeException e) {
      ex.close();
    }
  }

  private Answer answer(HttpExchange ex, String path) throws IOException {
    String method = ex.getRequestMethod();
    if (flavor == Flavor.EC2) {
      if (path.equals(TOKEN_PATH)) {
        return tokenAnswer(ex);
      }
      if (!method.equals("GET")) {
        return Answer.status(405);
      }
      String token = ex.getRequestHeaders().getFirst(TOKEN_HEADER);
      if (token == null ? !imdsV1 : !validToken(token)) {
        return Answer.status(401);
      }
    } else if (flavor == Flavor.GCE) {
      if (!"Google".equals(ex.getRequestHeaders().getFirst(FLAVOR_HEADER))) {
        return new Answer(403, "Missing Metadata-Flavor:Google header.\n".getBytes(UTF8), Map.of());
      }
    }
    if (!method.equals("GET")) {
      return Answer.status(405);
    }
    return file(path);
  }

  private Answer tokenAnswer(HttpExchange ex) {
    if (!ex.getRequestMethod().equals("PUT")) {
      return Answer.status(405);
    }
    if (ex.getRequestHeaders().containsKey("X-Forwarded-For")) {
      return Answer.status(403);
    }
    String ttl = ex.getRequestHeaders().getFirst(TTL_HEADER);
    int seconds;
    try {
      seconds = ttl == null ? -1 : Integer.parseInt(ttl.trim());
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < 1 || seconds > 21600) {
      return Answer.status(400);
    }
    String token = "emulated-" + UUID.randomUUID();
    tokens.put(token, System.nanoTime() + seconds * 1_000_000_000L);
    return new Answer(200, token.getBytes(UTF8), Map.of(TTL_HEADER, Integer.toString(seconds)));
  }

  private boolean validToken(String token) {
    Long expiry = tokens.get(token);
    return expiry != null && expiry - System.nanoTime() > 0;
  }

  private Answer file(String path) throws IOException {
    Path p = root.resolve(path.substring(1)).normalize();
    if (!p.startsWith(root) || !Files.exists(p) || p.getFileName().toString().startsWith(".")) {
      return Answer.status(404);
    }
    if (Files.isDirectory(p)) {
      Path index = p.resolve("_index");
      if (Files.isRegularFile(index)) {
        return Answer.ok(Files.readAllBytes(index));
      }
      StringBuilder listing = new StringBuilder();
      try (Stream<Path> children = Files.list(p)) {
        for (Path c : children.sorted(Comparator.comparing(Path::toString)).toList()) {
          String name = c.getFileName().toString();
          if (!name.startsWith(".") && !name.equals("_index")) {
            listing.append(name).append(Files.isDirectory(c) ? "/" : "").append('\n');
          }
        }
      }
      return Answer.ok(listing.toString().getBytes(UTF8));
    }
    return Answer.ok(Files.readAllBytes(p));
  }

  private Optional<Fault> takeFault(String path) {
    List<ActiveFault> list = faults.get(path);
    if (list == null) {
      return Optional.empty();
    }
    for (ActiveFault f : list) {
      int left = f.left.get();
      if (left == -1) {
        return Optional.of(f.fault);
      }
      while (left > 0) {
        if (f.left.compareAndSet(left, left - 1)) {
          return Optional.of(f.fault);
        }
        left = f.left.get();
      }
    }
    return Optional.empty();
  }

  private static void respond(HttpExchange ex, int status, byte[] body, boolean flavorHeader)
      throws IOException {
    applyFlavorHeader(ex, flavorHeader);
    ex.getResponseHeaders().set("Content-Type", "text/plain");
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  private static void applyFlavorHeader(HttpExchange ex, boolean on) {
    if (on) {
      ex.getResponseHeaders().set(FLAVOR_HEADER, "Google");
    }
  }

  private static String normalise(String path) {
    String p = path.startsWith("/") ? path : "/" + path;
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  /** Stops the server, ends hanging requests and stops every thread. */
  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  /** Runs standalone: {@code PORT FLAVOR FIXTURE_DIR [--imdsv1] [--log] [--bind ADDRESS]}. */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, UTF8);
    if (args.length < 3) {
      System.err.println(
          "usage: MetadataEmulator PORT ec2|gce|openstack|digitalocean|packet|plain FIXTURE_DIR"
              + " [--imdsv1] [--log] [--bind ADDRESS]");
      System.exit(2);
    }
    InetAddress bind = InetAddress.getLoopbackAddress();
    boolean v1 = false;
    boolean log = false;
    List<String> rest = new ArrayList<>(List.of(args).subList(3, args.length));
    for (int i = 0; i < rest.size(); i++) {
      if (rest.get(i).equals("--imdsv1")) {
        v1 = true;
      } else if (rest.get(i).equals("--log")) {
        log = true;
      } else if (rest.get(i).equals("--bind") && i + 1 < rest.size()) {
        bind = InetAddress.getByName(rest.get(++i));
      } else {
        System.err.println("unknown argument: " + rest.get(i));
        System.exit(2);
      }
    }
    MetadataEmulator e =
        start(
            Flavor.parse(args[1]),
            Path.of(args[2]),
            new InetSocketAddress(bind, Integer.parseInt(args[0])));
    e.allowImdsV1(v1);
    if (log) {
      e.logRequests(System.err);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(e::close));
    out.println(e.port());
    e.closed.await();
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private record ActiveFault(Fault fault, AtomicInteger left) {}

  private static final class Answer {
    final int status;
    final byte[] body;
    final Map<String, String> headers;

    Answer(int status, byte[] body, Map<String, String> headers) {
      this.status = status;
      this.body = body;
      this.headers = headers;
    }

    static Answer ok(byte[] body) {
      return new Answer(200, body, Map.of());
    }

    static Answer status(int status) {
      return new Answer(status, new byte[0], Map.of());
    }
  }
}
