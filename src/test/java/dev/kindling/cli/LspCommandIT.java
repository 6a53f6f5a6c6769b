package dev.kindling.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar kindling.jar lsp} as an editor runs it: JSON-RPC over the process's pipes, read
 * strictly (every byte on standard output belongs to a framed message), through the whole
 * lifecycle: initialize, a config with a typo, its diagnostic, the quick fix, the diagnostics
 * clearing, shutdown and exit.
 */
class LspCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String URI = "file:///srv/node1/user-data";

  private Process process;
  private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
  private final List<JsonNode> unread = new ArrayList<>();
  private CompletableFuture<String> stderr;
  private CompletableFuture<String> framing;

  @AfterEach
  void stop() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
    }
  }

  @Test
  void lsp_typoDiagnosed_quickFixClearsIt_shutdownExitsZero() throws Exception {
    start("lsp");
    send(
        request(1, "initialize")
            .set("params", JSON.readTree("{\"processId\": null, \"capabilities\": {}}")));
    JsonNode init = response(1);
    assertThat(init.at("/result/capabilities/textDocumentSync/change").asInt()).isEqualTo(1);
    assertThat(init.at("/result/serverInfo/name").asText()).isEqualTo("kindling");
    send(notification("initialized").set("params", JSON.createObjectNode()));

    String text =
        "#cloud-config\n"
            + "hostname: secret-node-name\n"
            + "coreos:\n"
            + "  update:\n"
            + "    group: stable\n"
            + "    reboot_stratgy: reboot\n";
    ObjectNode open = notification("textDocument/didOpen");
    open.putObject("params")
        .putObject("textDocument")
        .put("uri", URI)
        .put("languageId", "yaml")
        .put("version", 1)
        .put("text", text);
    send(open);

    JsonNode published = diagnostics(1);
    ArrayNode diagnostics = (ArrayNode) published.at("/params/diagnostics");
    assertThat(diagnostics).hasSize(1);
    JsonNode typo = diagnostics.get(0);
    assertThat(typo.at("/range").toString())
        .isEqualTo(
            "{\"start\":{\"line\":5,\"character\":4},\"end\":{\"line\":5,\"character\":18}}");
    assertThat(typo.at("/code").asText()).isEqualTo("unknown-key");
    assertThat(typo.at("/severity").asInt()).isEqualTo(2);
    assertThat(typo.at("/message").asText()).contains("did you mean \"reboot_strategy\"?");

    ObjectNode action = request(2, "textDocument/codeAction");
    ObjectNode params = action.putObject("params");
    params.putObject("textDocument").put("uri", URI);
    params.set("range", typo.get("range"));
    params.putObject("context").putArray("diagnostics").add(typo);
    send(action);
    JsonNode actions = response(2).get("result");
    assertThat(actions).hasSize(1);
    assertThat(actions.get(0).get("title").asText()).isEqualTo("Change to \"reboot_strategy\"");
    JsonNode edit = actions.get(0).at("/edit/changes").get(URI).get(0);
    String fixed = applyOneLine(text, edit);
    assertThat(fixed).endsWith("    reboot_strategy: reboot\n");

    ObjectNode change = notification("textDocument/didChange");
    ObjectNode changeParams = change.putObject("params");
    changeParams.putObject("textDocument").put("uri", URI).put("version", 2);
    changeParams.putArray("contentChanges").addObject().put("text", fixed);
    send(change);
    assertThat(diagnostics(2).at("/params/diagnostics")).isEmpty();

    send(request(3, "shutdown"));
    assertThat(response(3).get("result").isNull()).isTrue();
    send(notification("exit"));
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exits after exit").isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(framing.get(30, TimeUnit.SECONDS)).as("standard output").isEqualTo("clean");
    assertThat(stderr.get(30, TimeUnit.SECONDS)).doesNotContain("secret-node-name");
  }

  @Test
  void lsp_stdioFlag_exitWithoutShutdown_exitsOne() throws Exception {
    start("lsp", "--stdio");
    send(
        request(1, "initialize")
            .set("params", JSON.readTree("{\"processId\": null, \"capabilities\": {}}")));
    response(1);
    send(notification("exit"));
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(framing.get(30, TimeUnit.SECONDS)).isEqualTo("clean");
  }

  private void start(String... args) throws IOException {
    String jar = System.getProperty("kindling.jar", "target/kindling.jar");
    assertThat(Path.of(jar)).as("the shaded jar (mvn package)").exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar);
    command.addAll(List.of(args));
    process = new ProcessBuilder(command).start();
    InputStream err = process.getErrorStream();
    stderr =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(err.readAllBytes(), UTF_8);
              } catch (IOException e) {
                return e.toString();
              }
            });
    InputStream out = process.getInputStream();
    framing = CompletableFuture.supplyAsync(() -> readFrames(out));
  }

  /**
   * Reads framed messages until the end of standard output; "clean" when every byte belonged to a
   * {@code Content-Length} frame holding one JSON object, else what went wrong.
   */
  private String readFrames(InputStream in) {
    try {
      while (true) {
        int length = -1;
        while (true) {
          String header = headerLine(in);
          if (header == null) {
            return length < 0 ? "clean" : "end of output inside a header";
          }
          if (header.isEmpty()) {
            break;
          }
          if (header.startsWith("Content-Length: ")) {
            length = Integer.parseInt(header.substring(16));
          } else if (!header.startsWith("Content-Type: ")) {
            return "not a header: " + header;
          }
        }
        if (length < 0) {
          return "a frame without Content-Length";
        }
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
          return "a frame cut short";
        }
        received.add(JSON.readTree(body));
      }
    } catch (IOException | RuntimeException e) {
      return e.toString();
    }
  }

  /** One header line without its CRLF; null at the end of the stream before any byte. */
  private static String headerLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        byte[] bytes = line.toByteArray();
        if (bytes.length == 0 || bytes[bytes.length - 1] != '\r') {
          throw new IOException("header line not ended by CRLF");
        }
        return new String(bytes, 0, bytes.length - 1, UTF_8);
      }
      line.write(c);
    }
    if (line.size() > 0) {
      throw new IOException("output ended inside a header line");
    }
    return null;
  }

  private void send(JsonNode message) throws IOException {
    byte[] body = JSON.writeValueAsBytes(message);
    OutputStream in = process.getOutputStream();
    in.write(("Content-Length: " + body.length + "\r\n\r\n").getBytes(UTF_8));
    in.write(body);
    in.flush();
  }

  private JsonNode response(int id) throws InterruptedException {
    JsonNode message = next(m -> m.path("id").asInt(-1) == id && !m.has("method"));
    assertThat(message.has("error")).as("error in %s", message).isFalse();
    return message;
  }

  private JsonNode diagnostics(int version) throws InterruptedException {
    return next(
        m ->
            m.path("method").asText().equals("textDocument/publishDiagnostics")
                && m.at("/params/uri").asText().equals(URI)
                && m.at("/params/version").asInt() == version);
  }

  /** The first message, received or still to come, that matches. */
  private JsonNode next(Predicate<JsonNode> wanted) throws InterruptedException {
    for (Iterator<JsonNode> it = unread.iterator(); it.hasNext(); ) {
      JsonNode message = it.next();
      if (wanted.test(message)) {
        it.remove();
        return message;
      }
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      JsonNode message = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      assertThat(message)
          .as("a message within 30 s; framing: %s", framing.getNow("open"))
          .isNotNull();
      if (wanted.test(message)) {
        return message;
      }
      unread.add(message);
    }
  }

  private static ObjectNode request(int id, String method) {
    return notification(method).put("id", id);
  }

  private static ObjectNode notification(String method) {
    return JSON.createObjectNode().put("jsonrpc", "2.0").put("method", method);
  }

  /** Applies a single-line text edit (the fix this test expects). */
  private static String applyOneLine(String text, JsonNode edit) {
    int line = edit.at("/range/start/line").asInt();
    assertThat(edit.at("/range/end/line").asInt()).isEqualTo(line);
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    String old = lines.get(line);
    lines.set(
        line,
        old.substring(0, edit.at("/range/start/character").asInt())
            + edit.get("newText").asText()
            + old.substring(edit.at("/range/end/character").asInt()));
    return String.join("\n", lines);
  }
}
