package dev.kindling.serve;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kindling.metadata.Metadata;
import dev.kindling.validate.JsonReportPrinter;
import dev.kindling.validate.SarifReportPrinter;
import dev.kindling.validate.Validator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP API of {@code kindling serve} on loopback: every status, format and bound. */
class ServeApiTest {
  private static final String SECRET = "s3cr3t-marker-9f2";

  /** A config with a typo on line 3 (did you mean "manage_etc_hosts"?) and a secret. */
  private static final String TYPO =
      "#cloud-config\nhostname: node1\nmanage_etc_hots: localhost\n"
          + "write_files:\n  - path: /etc/secret\n    content: "
          + SECRET
          + "\n";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final StringWriter log = new StringWriter();
  private final List<ValidatorServer> servers = new ArrayList<>();

  @AfterEach
  void stop() {
    servers.forEach(ValidatorServer::close);
  }

  private ValidatorServer start(PlanRenderer renderer, int workers, int queue, Duration wait)
      throws IOException {
    ServeSettings settings =
        new ServeSettings(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            workers,
            queue,
            ServeSettings.MAX_BODY_BYTES,
            wait,
            "test");
    ValidatorServer server = ValidatorServer.start(settings, renderer, new PrintWriter(log, true));
    servers.add(server);
    return server;
  }

  private ValidatorServer start() throws IOException {
    return start(
        (data, metadata) -> "{\"actions\": [], \"bytes\": " + data.length + "}\n",
        2,
        4,
        Duration.ofSeconds(10));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
  }

  private static HttpRequest.Builder post(ValidatorServer s, String path, String body) {
    return HttpRequest.newBuilder(s.url().resolve(path))
        .header("Content-Type", "application/octet-stream")
        .POST(BodyPublishers.ofString(body));
  }

  private static void assertError(HttpResponse<String> r, int status) throws IOException {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue(Response.JSON_TYPE);
    JsonNode body = JSON.readTree(r.body());
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("error").asText()).isNotBlank();
    assertThat(body.size()).isEqualTo(2);
  }

  /** A multipart/form-data body with these fields (name, content). */
  private static HttpRequest.Builder form(ValidatorServer s, String path, String... fields) {
    String boundary = "----kindling-test-boundary";
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      body.append("--")
          .append(boundary)
          .append("\r\nContent-Disposition: form-data; name=\"")
          .append(fields[i])
          .append("\"; filename=\"")
          .append(fields[i])
          .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
          .append(fields[i + 1])
          .append("\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    return HttpRequest.newBuilder(s.url().resolve(path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(BodyPublishers.ofString(body.toString()));
  }

  @Test
  void validate_json_isWhatTheValidatePrinterPrints() throws Exception {
    ValidatorServer s = start();
    HttpResponse<String> r = send(post(s, "/v1/validate", TYPO));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue(Response.JSON_TYPE);
    StringWriter expected = new StringWriter();
    new JsonReportPrinter(expected)
        .print(List.of(Validator.validate("user-data", TYPO.getBytes(UTF_8), Optional.empty())));
    assertThat(r.body()).isEqualTo(expected.toString());
    JsonNode entry = JSON.readTree(r.body()).at("/files/0/entries/0");
    assertThat(entry.get("line").asInt()).isEqualTo(3);
    assertThat(entry.get("code").asText()).isEqualTo("unknown-key");
    assertThat(entry.get("hint").asText()).isEqualTo("did you mean \"manage_etc_hosts\"?");
  }

  @Test
  void validate_formatSarifAndText_useTheirPrinters() throws Exception {
    ValidatorServer s = start();
    HttpResponse<String> sarif = send(post(s, "/v1/validate?format=sarif", TYPO));
    assertThat(sarif.statusCode()).isEqualTo(200);
    assertThat(sarif.headers().firstValue("Content-Type"))
        .hasValue("application/sarif+json; charset=utf-8");
    StringWriter expected = new StringWriter();
    new SarifReportPrinter(expected, "test")
        .print(List.of(Validator.validate("user-data", TYPO.getBytes(UTF_8), Optional.empty())));
    assertThat(sarif.body()).isEqualTo(expected.toString());
    assertThat(JSON.readTree(sarif.body()).at("/runs/0/results/0/ruleId").asText())
        .isEqualTo("unknown-key");

    HttpResponse<String> text =
        send(post(s, "/v1/validate?format=text", TYPO).setHeader("Content-Type", "text/plain"));
    assertThat(text.statusCode()).isEqualTo(200);
    assertThat(text.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(text.body())
        .startsWith("user-data:3:1: warning: unrecognized key \"manage_etc_hots\" [unknown-key]")
        .endsWith("1 file checked: 0 errors, 1 warning, 0 infos\n");
  }

  @Test
  void validate_formWithMetadata_resolvesVariablesLikeValidateMetadata() throws Exception {
    ValidatorServer s = start();
    String config =
        "#cloud-config\nhostname: $private_ipv4\nwrite_files:\n  - path: /a\n"
            + "    content: $public_ipv4\n";
    HttpResponse<String> r =
        send(
            form(
                s,
                "/v1/validate",
                "user-data",
                config,
                "metadata",
                "{\"privateIPv4\": \"10.0.0.5\"}"));
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode entries = JSON.readTree(r.body()).at("/files/0/entries");
    assertThat(entries).hasSize(1);
    assertThat(entries.get(0).get("code").asText()).isEqualTo("unresolved-variable");
    assertThat(entries.get(0).get("line").asInt()).isEqualTo(5);

    HttpResponse<String> noMetadata = send(form(s, "/v1/validate", "user-data", config));
    assertThat(JSON.readTree(noMetadata.body()).at("/files/0/entries")).isEmpty();
  }

  @Test
  void render_rawAndForm_handTheRendererUserDataAndMetadata() throws Exception {
    List<Metadata> seen = new ArrayList<>();
    ValidatorServer s =
        start(
            (data, metadata) -> {
              seen.add(metadata);
              return "{\"actions\": [{\"type\": \"daemon-reload\"}], \"n\": " + data.length + "}";
            },
            1,
            1,
            Duration.ofSeconds(5));
    HttpResponse<String> raw = send(post(s, "/v1/render", TYPO));
    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.headers().firstValue("Content-Type")).hasValue(Response.JSON_TYPE);
    assertThat(JSON.readTree(raw.body()).get("n").asInt()).isEqualTo(TYPO.length());
    HttpResponse<String> form =
        send(form(s, "/v1/render", "user-data", TYPO, "metadata", "{\"hostname\": \"n1\"}"));
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0)).isEqualTo(Metadata.empty());
    assertThat(seen.get(1).hostname()).hasValue("n1");
  }

  @Test
  void healthzPageAndAssets_answerWithTheirTypesAndSecurityHeaders() throws Exception {
    ValidatorServer s = start();
    HttpResponse<String> health = send(HttpRequest.newBuilder(s.url().resolve("/healthz")));
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("ok");
    String[][] assets = {
      {"/", "text/html; charset=utf-8"},
      {"/app.js", "text/javascript; charset=utf-8"},
      {"/app.css", "text/css; charset=utf-8"},
      {"/favicon.svg", "image/svg+xml"},
      {"/docs/codes", "text/html; charset=utf-8"}
    };
    for (String[] asset : assets) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(s.url().resolve(asset[0])));
      assertThat(r.statusCode()).as(asset[0]).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).as(asset[0]).hasValue(asset[1]);
      if (!asset[0].equals("/")) {
        assertThat(r.headers().firstValue("Content-Security-Policy"))
            .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
      }
      assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(r.headers().map()).doesNotContainKey("set-cookie");
    }
    HttpResponse<String> first = send(HttpRequest.newBuilder(s.url()));
    HttpResponse<String> second = send(HttpRequest.newBuilder(s.url()));
    String policy = first.headers().firstValue("Content-Security-Policy").orElseThrow();
    java.util.regex.Matcher nonce =
        java.util.regex.Pattern.compile("style-src 'self' 'nonce-([A-Za-z0-9+/]{24})';")
            .matcher(policy);
    assertThat(nonce.find()).as(policy).isTrue();
    assertThat(policy)
        .isEqualTo(SecurityHeaders.pagePolicy(nonce.group(1)))
        .contains("script-src 'self';")
        .contains("default-src 'none';");
    assertThat(first.body())
        .contains("<meta name=\"kindling-style-nonce\" content=\"" + nonce.group(1) + "\">");
    assertThat(second.headers().firstValue("Content-Security-Policy"))
        .as("a new nonce for every page")
        .isNotEqualTo(Optional.of(policy));
    String page = first.body();
    assertThat(page).contains("<script src=\"/app.js\" defer></script>").doesNotContain("http");
    assertThat(page.replace("<script src=\"/app.js\" defer></script>", ""))
        .doesNotContain("<script")
        .doesNotContain(" style=");
    assertThat(send(HttpRequest.newBuilder(s.url().resolve("/docs/codes"))).body())
        .contains("<section id=\"unknown-key\">")
        .contains("<b>Fix:</b>")
        .contains("<code>#cloud-config</code>");
    HttpResponse<String> head =
        send(HttpRequest.newBuilder(s.url()).method("HEAD", BodyPublishers.noBody()));
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void badRequests_get400WithTheReason() throws Exception {
    ValidatorServer s = start();
    assertError(send(post(s, "/v1/validate?format=yaml", TYPO)), 400);
    assertError(send(post(s, "/v1/validate?fromat=sarif", TYPO)), 400);
    assertError(send(post(s, "/v1/render?format=text", TYPO)), 400);
    assertError(send(form(s, "/v1/render", "metadata", "{}")), 400);
    assertError(send(form(s, "/v1/render", "user-data", TYPO, "extra", "x")), 400);
    HttpResponse<String> badMetadata =
        send(form(s, "/v1/validate", "user-data", TYPO, "metadata", "{\"privateIpv4\": \"1\"}"));
    assertError(badMetadata, 400);
    assertThat(badMetadata.body()).contains("did you mean \\\"privateIPv4\\\"?");
    assertError(send(form(s, "/v1/render", "metadata", "not json", "user-data", TYPO)), 400);
    assertError(
        send(
            HttpRequest.newBuilder(s.url().resolve("/v1/render"))
                .header("Content-Type", "multipart/form-data")
                .POST(BodyPublishers.ofString("x"))),
        400);
    assertError(
        send(
            HttpRequest.newBuilder(s.url().resolve("/v1/render"))
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name="))),
        400);
  }

  @Test
  void unknownPathAndWrongMethod_get404And405WithAllow() throws Exception {
    ValidatorServer s = start();
    assertError(send(HttpRequest.newBuilder(s.url().resolve("/v2/validate"))), 404);
    assertError(send(HttpRequest.newBuilder(s.url().resolve("/index.html"))), 404);
    HttpResponse<String> get = send(HttpRequest.newBuilder(s.url().resolve("/v1/validate")));
    assertError(get, 405);
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    HttpResponse<String> postPage = send(post(s, "/", "x"));
    assertError(postPage, 405);
    assertThat(postPage.headers().firstValue("Allow")).hasValue("GET, HEAD");
    assertError(
        send(
            HttpRequest.newBuilder(s.url().resolve("/v1/render"))
                .method("PUT", BodyPublishers.ofString("x"))),
        405);
  }

  @Test
  void bodyOverOneMebibyte_gets413_withOrWithoutContentLength() throws Exception {
    ValidatorServer s = start();
    byte[] big = new byte[ServeSettings.MAX_BODY_BYTES + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    assertError(
        send(
            HttpRequest.newBuilder(s.url().resolve("/v1/validate"))
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofByteArray(big))),
        413);
    // No Content-Length: the body arrives chunked and is counted as it is read.
    assertError(
        send(
            HttpRequest.newBuilder(s.url().resolve("/v1/validate"))
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)))),
        413);
    byte[] exact = java.util.Arrays.copyOf(big, ServeSettings.MAX_BODY_BYTES);
    HttpResponse<String> limit =
        send(
            HttpRequest.newBuilder(s.url().resolve("/v1/validate"))
                .header("Content-Type", "application/octet-stream")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(exact))));
    assertThat(limit.statusCode()).isEqualTo(200);
    assertThat(logLines(3).get(2))
        .startsWith("POST /v1/validate 200 in=" + ServeSettings.MAX_BODY_BYTES);
  }

  @Test
  void otherMediaTypes_get415() throws Exception {
    ValidatorServer s = start();
    assertError(send(post(s, "/v1/validate", TYPO).setHeader("Content-Type", "image/png")), 415);
    HttpResponse<String> urlencoded =
        send(
            post(s, "/v1/render", TYPO)
                .setHeader("Content-Type", "application/x-www-form-urlencoded"));
    assertError(urlencoded, 415);
    assertThat(urlencoded.body()).contains("--data-binary");
    for (String ok :
        List.of("text/cloud-config", "application/yaml", "application/gzip", "text/plain")) {
      assertThat(send(post(s, "/v1/validate", TYPO).setHeader("Content-Type", ok)).statusCode())
          .as(ok)
          .isEqualTo(200);
    }
  }

  @Test
  void fullQueue_gets429_whileThePageStillAnswers() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger started = new AtomicInteger();
    PlanRenderer blocking = blocking(started, release);
    // One worker and one queue place: of six requests, one runs (and blocks), one waits, four
    // are refused at once.
    ValidatorServer s = start(blocking, 1, 1, Duration.ofSeconds(30));
    List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      requests.add(client.sendAsync(post(s, "/v1/render", TYPO).build(), BodyHandlers.ofString()));
    }
    waitFor(() -> requests.stream().filter(CompletableFuture::isDone).count() == 4);
    for (CompletableFuture<HttpResponse<String>> done : requests) {
      if (done.isDone()) {
        assertError(done.get(), 429);
        assertThat(done.get().headers().firstValue("Retry-After")).hasValue("1");
      }
    }
    assertThat(send(HttpRequest.newBuilder(s.url().resolve("/healthz"))).statusCode())
        .as("health and the page still answer while the queue is full")
        .isEqualTo(200);
    assertThat(started.get()).isEqualTo(1);
    release.countDown();
    long ok = 0;
    for (CompletableFuture<HttpResponse<String>> r : requests) {
      ok += r.get(30, TimeUnit.SECONDS).statusCode() == 200 ? 1 : 0;
    }
    assertThat(ok).isEqualTo(2);
    assertThat(started.get()).isEqualTo(2);
  }

  @Test
  void waitForAWorkerPastTheLimit_gets503() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger started = new AtomicInteger();
    ValidatorServer s = start(blocking(started, release), 1, 4, Duration.ofMillis(300));
    CompletableFuture<HttpResponse<String>> running =
        client.sendAsync(post(s, "/v1/render", TYPO).build(), BodyHandlers.ofString());
    waitFor(() -> started.get() == 1);
    HttpResponse<String> late = send(post(s, "/v1/validate", TYPO));
    assertError(late, 503);
    assertThat(late.headers().firstValue("Retry-After")).hasValue("1");
    release.countDown();
    assertThat(running.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  /** Sends a raw HTTP/1.1 request (any Host header) and returns the status line. */
  private static String rawStatus(ValidatorServer s, String method, String host, String origin)
      throws IOException {
    String body = method.equals("POST") ? TYPO : "";
    String request =
        method
            + " "
            + (method.equals("POST") ? "/v1/validate" : "/healthz")
            + " HTTP/1.1\r\nHost: "
            + host
            + "\r\n"
            + (origin == null ? "" : "Origin: " + origin + "\r\n")
            + "Content-Type: application/octet-stream\r\nContent-Length: "
            + body.getBytes(UTF_8).length
            + "\r\nConnection: close\r\n\r\n"
            + body;
    try (java.net.Socket socket =
        new java.net.Socket(InetAddress.getLoopbackAddress(), s.address().getPort())) {
      socket.getOutputStream().write(request.getBytes(UTF_8));
      return new String(socket.getInputStream().readAllBytes(), UTF_8)
          .lines()
          .findFirst()
          .orElse("");
    }
  }

  @Test
  void otherHostsAndOrigins_get403() throws Exception {
    ValidatorServer s = start();
    int port = s.address().getPort();
    for (String host :
        List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port, "localhost")) {
      assertThat(rawStatus(s, "GET", host, null)).as(host).startsWith("HTTP/1.1 200");
    }
    for (String host : List.of("evil.example:" + port, "evil.example", "127.0.0.1.evil.example")) {
      assertThat(rawStatus(s, "GET", host, null)).as(host).startsWith("HTTP/1.1 403");
    }
    String self = "127.0.0.1:" + port;
    assertThat(rawStatus(s, "POST", self, null)).startsWith("HTTP/1.1 200");
    assertThat(rawStatus(s, "POST", self, "http://" + self)).startsWith("HTTP/1.1 200");
    assertThat(rawStatus(s, "POST", self, "http://evil.example")).startsWith("HTTP/1.1 403");
    assertThat(rawStatus(s, "POST", self, "null")).startsWith("HTTP/1.1 403");
    assertThat(rawStatus(s, "POST", self, "http://localhost:" + port)).startsWith("HTTP/1.1 403");
  }

  @Test
  void requestLog_hasOneLinePerRequest_andNoUserData() throws Exception {
    ValidatorServer s = start();
    send(post(s, "/v1/validate?format=text", TYPO));
    send(
        form(
            s,
            "/v1/validate",
            "user-data",
            TYPO,
            "metadata",
            "{\"hostname\": \"" + SECRET + "\"}"));
    send(
        form(s, "/v1/render", "user-data", TYPO, "metadata", "{\"hostname\": \"" + SECRET + "\"}"));
    send(post(s, "/v1/validate?format=" + SECRET, TYPO));
    send(HttpRequest.newBuilder(s.url().resolve("/healthz?" + SECRET)));
    send(
        HttpRequest.newBuilder(s.url().resolve("/v1/render"))
            .header("Content-Type", "multipart/form-data; boundary=" + SECRET)
            .POST(BodyPublishers.ofString("--" + SECRET + "\r\n" + SECRET)));
    List<String> lines = logLines(6);
    assertThat(lines).hasSize(6);
    assertThat(lines)
        .allSatisfy(
            l ->
                assertThat(l)
                    .matches("(GET|POST) /[a-z0-9/]* \\d{3} in=\\d+ out=\\d+ \\d+\\.\\dms"));
    assertThat(log.toString())
        .doesNotContain(SECRET)
        .doesNotContain("hots")
        .doesNotContain("node1");
  }

  /** A renderer that counts its calls and returns only once {@code release} is opened. */
  private static PlanRenderer blocking(AtomicInteger started, CountDownLatch release) {
    return (data, metadata) -> {
      started.incrementAndGet();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "{\"actions\": []}";
    };
  }

  /** The log's lines once it has {@code n} (a line is written just after its answer is sent). */
  private List<String> logLines(int n) throws Exception {
    waitFor(() -> log.toString().lines().count() >= n);
    return log.toString().lines().toList();
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) throws Exception {
    for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
      Thread.sleep(25);
    }
    assertThat(condition.getAsBoolean()).as("condition reached within 5 s").isTrue();
  }
}
