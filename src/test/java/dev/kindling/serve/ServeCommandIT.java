package dev.kindling.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar kindling.jar serve} as a process: the first line, the real validate and render
 * paths, a request log without user data, and a clean stop on SIGTERM.
 */
class ServeCommandIT {
  private static final String SECRET = "s3cr3t-in-user-data";

  private final HttpClient client = HttpClient.newHttpClient();

  private HttpResponse<String> post(ServeProcess server, String path, byte[] body)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(server.url().resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/octet-stream")
            .POST(BodyPublishers.ofByteArray(body))
            .build(),
        BodyHandlers.ofString());
  }

  @Test
  void serve_answersValidateAndRender_logsNoUserData_stopsOnSigterm() throws Exception {
    byte[] userData =
        ("#cloud-config\nhostname: node1\nmanage_etc_hots: localhost\nwrite_files:\n"
                + "  - path: /etc/secret\n    content: "
                + SECRET
                + "\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (ServeProcess server = ServeProcess.start("--listen", "127.0.0.1:0")) {
      HttpResponse<String> validate = post(server, "/v1/validate", userData);
      assertThat(validate.statusCode()).isEqualTo(200);
      JsonNode entry = new ObjectMapper().readTree(validate.body()).at("/files/0/entries/0");
      assertThat(entry.get("line").asInt()).isEqualTo(3);
      assertThat(entry.get("hint").asText()).isEqualTo("did you mean \"manage_etc_hosts\"?");

      HttpResponse<String> render = post(server, "/v1/render", userData);
      assertThat(render.statusCode()).isEqualTo(200);
      Path file = Files.createTempFile("serve-it", ".yaml");
      Files.write(file, userData);
      ProcessBuilder cli =
          new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-jar",
              System.getProperty("kindling.jar", "target/kindling.jar"),
              "render",
              "--from-file",
              file.toString(),
              "--format",
              "json");
      cli.environment().keySet().removeIf(k -> k.startsWith("COREOS_"));
      Process p = cli.redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String expected =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      Files.delete(file);
      assertThat(render.body()).as("the plan of kindling render --format json").isEqualTo(expected);

      int status = server.terminate();
      assertThat(status).as("SIGTERM ends the JVM with 128 + 15").isEqualTo(143);
      List<String> log = server.err().lines().toList();
      assertThat(log)
          .containsExactly(
              "POST /v1/validate 200 " + log.get(0).split(" ", 4)[3],
              "POST /v1/render 200 " + log.get(1).split(" ", 4)[3],
              "stopped");
      assertThat(server.err())
          .doesNotContain(SECRET)
          .doesNotContain("node1")
          .doesNotContain("hots");
      assertThat(server.out()).isEmpty();
    }
  }

  @Test
  void serve_onAPortInUse_exitsOneSayingWhy() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(
          List.of(
              "-jar",
              System.getProperty("kindling.jar", "target/kindling.jar"),
              "serve",
              "--listen",
              "127.0.0.1:" + taken.getLocalPort()));
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output =
          new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isEqualTo(1);
      assertThat(output)
          .startsWith("kindling serve: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ");
    }
  }
}
