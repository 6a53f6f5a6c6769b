package dev.kindling.datasource.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.testing.Fault;
import dev.kindling.testing.MetadataEmulator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class MetadataClientTest {
  private static final Duration BUDGET = Duration.ofSeconds(10);
  private static final String FILE = "/cloud-config.yaml";

  private MetadataEmulator server;
  private MetadataClient client;
  private MetadataClient impatient; // for servers that hang

  @BeforeEach
  void start() throws Exception {
    server =
        MetadataEmulator.start(
            MetadataEmulator.Flavor.PLAIN, Path.of("src/test/resources/datasource/plain/basic"));
    client =
        MetadataClient.builder()
            .backoff(Backoff.none())
            .attemptTimeout(Duration.ofSeconds(5)) // a cold JVM's first request loads OkHttp
            .bodyLimit(1024)
            .build();
    impatient =
        MetadataClient.builder()
            .backoff(Backoff.none())
            .attemptTimeout(Duration.ofMillis(500))
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    impatient.close();
    server.close();
  }

  private URI uri(String path) {
    return server.baseUri().resolve(path.substring(1));
  }

  private MetadataHttpException failure(MetadataRequest request) {
    return org.junit.jupiter.api.Assertions.assertThrows(
        MetadataHttpException.class, () -> client.send(request, BUDGET));
  }

  @Test
  void get_200_returnsTheBody() throws Exception {
    Optional<byte[]> body = client.get(uri(FILE), BUDGET);
    assertThat(new String(body.orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("#cloud-config\nhostname: from-url\n");
  }

  @Test
  void get_404_isEmptyAndNotRetried() throws Exception {
    assertThat(client.get(uri("/nothing-here"), BUDGET)).isEmpty();
    assertThat(server.count("GET", "/nothing-here")).isEqualTo(1);
  }

  @Test
  void get_503_isRetriedUpToTheAttemptLimitThenFails() {
    server.fault(FILE, Fault.status(503));
    MetadataHttpException e = failure(MetadataRequest.get(uri(FILE)));
    assertThat(e.failure()).isEqualTo(HttpFailure.SERVER_ERROR);
    assertThat(e.status()).hasValue(503);
    assertThat(e.attempts()).isEqualTo(3);
    assertThat(server.count("GET", FILE)).isEqualTo(3);
    assertThat(e.getMessage()).contains("GET http://127.0.0.1:").contains("HTTP 503");
  }

  @Test
  void get_503Once_succeedsOnTheSecondAttempt() throws Exception {
    server.fault(FILE, Fault.status(503).times(1));
    assertThat(client.get(uri(FILE), BUDGET)).isPresent();
    assertThat(server.count("GET", FILE)).isEqualTo(2);
  }

  @Test
  void get_defaultSchedule_keepsRetryingAServiceThatFailsForAWhile() throws Exception {
    // Twelve 503s that ask to retry at once: the production schedule must not give up after a
    // fixed number of attempts while the budget lasts.
    server.fault(FILE, Fault.status(503).retryAfter("0").times(12));
    try (MetadataClient production =
        MetadataClient.builder().attemptTimeout(Duration.ofSeconds(5)).build()) {
      assertThat(production.get(uri(FILE), BUDGET)).isPresent();
    }
    assertThat(server.count("GET", FILE)).isEqualTo(13);
  }

  @Test
  void get_clientErrors_areTypedAndNotRetried() {
    int[] statuses = {400, 401, 403, 405};
    HttpFailure[] expected = {
      HttpFailure.BAD_REQUEST,
      HttpFailure.UNAUTHORIZED,
      HttpFailure.FORBIDDEN,
      HttpFailure.UNEXPECTED_STATUS
    };
    for (int i = 0; i < statuses.length; i++) {
      String path = "/status-" + statuses[i];
      server.fault(path, Fault.status(statuses[i]));
      MetadataHttpException e = failure(MetadataRequest.get(uri(path)));
      assertThat(e.failure()).isEqualTo(expected[i]);
      assertThat(e.status()).hasValue(statuses[i]);
      assertThat(server.count("GET", path)).isEqualTo(1);
    }
  }

  @Test
  void get_429_isRateLimitedAndRetried() {
    server.fault(FILE, Fault.status(429));
    MetadataHttpException e = failure(MetadataRequest.get(uri(FILE)));
    assertThat(e.failure()).isEqualTo(HttpFailure.RATE_LIMITED);
    assertThat(server.count("GET", FILE)).isEqualTo(3);
  }

  @Test
  void get_redirect_isNotFollowed() {
    server.fault(FILE, Fault.status(302));
    assertThat(failure(MetadataRequest.get(uri(FILE))).failure())
        .isEqualTo(HttpFailure.UNEXPECTED_STATUS);
  }

  @Test
  void get_connectionReset_isATransportFailureRetried() throws Exception {
    // The JDK server may take a selector tick (up to ~1 s) to accept after a dropped connection.
    try (MetadataClient patient =
        MetadataClient.builder()
            .backoff(Backoff.none())
            .attemptTimeout(Duration.ofSeconds(5))
            .build()) {
      server.fault(FILE, Fault.reset().times(2));
      assertThat(patient.get(uri(FILE), BUDGET)).isPresent();
      assertThat(server.count("GET", FILE)).isEqualTo(3);
      server.fault("/always-reset", Fault.reset());
      MetadataHttpException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              MetadataHttpException.class, () -> patient.get(uri("/always-reset"), BUDGET));
      assertThat(e.failure()).isEqualTo(HttpFailure.TRANSPORT);
      assertThat(e.getMessage()).contains("connection failed");
    }
  }

  @Test
  void get_truncatedBody_isATransportFailure() {
    server.fault(FILE, Fault.truncate());
    MetadataHttpException e = failure(MetadataRequest.get(uri(FILE)));
    assertThat(e.failure()).isEqualTo(HttpFailure.TRANSPORT);
    assertThat(e.attempts()).isEqualTo(3);
  }

  @Test
  void get_oversizedBody_isRefused() {
    server.fault(FILE, Fault.oversize(4096));
    MetadataHttpException e = failure(MetadataRequest.get(uri(FILE)));
    assertThat(e.failure()).isEqualTo(HttpFailure.BODY_TOO_LARGE);
    assertThat(server.count("GET", FILE)).isEqualTo(1);
  }

  @Test
  void get_hangingServer_timesOutPerAttempt() {
    server.fault(FILE, Fault.hang());
    MetadataHttpException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            MetadataHttpException.class,
            () -> impatient.send(MetadataRequest.get(uri(FILE)).attempts(2), BUDGET));
    assertThat(e.failure()).isEqualTo(HttpFailure.TIMEOUT);
    assertThat(e.getMessage()).contains("no answer within 500 ms");
    assertThat(e.attempts()).isEqualTo(2);
  }

  @Test
  void get_hangingServer_stopsAtTheBudget() {
    server.fault(FILE, Fault.hang());
    MetadataHttpException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            MetadataHttpException.class,
            () ->
                impatient.send(
                    MetadataRequest.get(uri(FILE)).attempts(100), Duration.ofMillis(800)));
    assertThat(e.failure()).isEqualTo(HttpFailure.TIMEOUT);
    assertThat(e.attempts()).isLessThan(100);
  }

  @Test
  void send_zeroBudget_failsWithDeadline() {
    MetadataHttpException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            MetadataHttpException.class, () -> client.get(uri(FILE), Duration.ZERO));
    assertThat(e.failure()).isEqualTo(HttpFailure.DEADLINE);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void send_requiredResponseHeaderMissing_isWrongServer() {
    MetadataHttpException e =
        failure(MetadataRequest.get(uri(FILE)).requireResponseHeader("Metadata-Flavor", "Google"));
    assertThat(e.failure()).isEqualTo(HttpFailure.WRONG_SERVER);
    assertThat(e.getMessage()).contains("lacks the header \"Metadata-Flavor: Google\"");
  }

  @Test
  void send_headersAreSentButNeverInTheMessage() {
    server.fault(FILE, Fault.status(401));
    MetadataHttpException e =
        failure(MetadataRequest.get(uri(FILE)).header("X-aws-ec2-metadata-token", "s3cr3t"));
    assertThat(server.requests().get(0).headers())
        .containsEntry("x-aws-ec2-metadata-token", "s3cr3t");
    assertThat(e.getMessage()).doesNotContain("s3cr3t");
    assertThat(
            MetadataRequest.get(uri(FILE)).header("X-aws-ec2-metadata-token", "s3cr3t").toString())
        .doesNotContain("s3cr3t");
  }

  @Test
  void put_sendsAnEmptyBodyWithHeaders() {
    MetadataHttpException e =
        failure(
            MetadataRequest.put(uri(FILE)).header("X-aws-ec2-metadata-token-ttl-seconds", "60"));
    assertThat(e.status()).hasValue(405); // the plain emulator only serves GET
    assertThat(server.requests().get(0).method()).isEqualTo("PUT");
    assertThat(server.requests().get(0).headers())
        .containsEntry("x-aws-ec2-metadata-token-ttl-seconds", "60");
  }

  @Test
  void send_otherSchemes_refused() {
    assertThatThrownBy(() -> client.get(URI.create("ftp://127.0.0.1/x"), BUDGET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only http and https");
    assertThatThrownBy(() -> client.get(URI.create("file:///etc/passwd"), BUDGET))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void send_httpsToAPlainServer_usesTlsAndFails() {
    URI https = URI.create("https://127.0.0.1:" + server.port() + FILE);
    MetadataHttpException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            MetadataHttpException.class,
            () -> client.send(MetadataRequest.get(https).attempts(1), BUDGET));
    assertThat(e.failure()).isIn(HttpFailure.TRANSPORT, HttpFailure.TIMEOUT);
  }

  @Test
  void send_interrupted_cancelsTheCall() throws Exception {
    server.fault(FILE, Fault.hang());
    MetadataClient slow = MetadataClient.builder().attemptTimeout(Duration.ofSeconds(30)).build();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(1);
    Thread t =
        new Thread(
            () -> {
              try {
                slow.get(uri(FILE), Duration.ofSeconds(30));
              } catch (Throwable e) {
                thrown.set(e);
              } finally {
                done.countDown();
              }
            });
    t.start();
    while (server.count("GET", FILE) == 0) {
      Thread.sleep(10);
    }
    t.interrupt();
    done.await();
    slow.close();
    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
  }

  @Test
  void close_stopsEveryClientThread() throws Exception {
    client.get(uri(FILE), BUDGET);
    client.close();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().startsWith("kindling-http-") && t.isAlive());
    assertThatThrownBy(() -> client.get(uri(FILE), BUDGET))
        .isInstanceOf(IllegalStateException.class);
  }
}
