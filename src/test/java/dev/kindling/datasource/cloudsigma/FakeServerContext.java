package dev.kindling.datasource.cloudsigma;

import dev.kindling.datasource.Deadline;
import dev.kindling.datasource.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CloudSigma server context on piped streams: a responder thread reads each {@code <\nKEY\n>}
 * request and answers from canned files ({@code context.json} for {@code ""}, {@code meta.json} for
 * {@code /meta/}) followed by EOT.
 */
final class FakeServerContext implements ServerContextPort {
  private final Map<String, byte[]> answers = new HashMap<>();
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> responders = Collections.synchronizedList(new ArrayList<>());
  private boolean silent;
  private byte[] stale = new byte[0];

  /** Answers from {@code datasource/cloudsigma/<fixture>/}. */
  static FakeServerContext fromFixture(String fixture) throws IOException {
    FakeServerContext server = new FakeServerContext();
    Path dir = Fixtures.path("cloudsigma/" + fixture);
    for (Map.Entry<String, String> e :
        Map.of("", "context.json", "/meta/", "meta.json").entrySet()) {
      Path file = dir.resolve(e.getValue());
      if (Files.exists(file)) {
        server.answers.put(e.getKey(), Files.readAllBytes(file));
      }
    }
    return server;
  }

  /** Reads requests but never answers. */
  FakeServerContext silent() {
    silent = true;
    return this;
  }

  /** Leaves {@code bytes} pending on the line before any request (a late earlier answer). */
  FakeServerContext withStaleBytes(String bytes) {
    stale = bytes.getBytes(StandardCharsets.UTF_8);
    return this;
  }

  /** The raw requests received, in order. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  @Override
  public Streams open(Deadline deadline) throws IOException {
    PipedOutputStream toClient = new PipedOutputStream();
    PipedInputStream clientIn = new PipedInputStream(toClient, 1 << 16);
    PipedInputStream serverIn = new PipedInputStream(1 << 16);
    PipedOutputStream clientOut = new PipedOutputStream(serverIn);
    toClient.write(stale);
    Thread responder =
        new Thread(
            () -> {
              try {
                String request = readRequest(serverIn);
                requests.add(request);
                String key = request.substring(2, request.length() - 2);
                if (silent) {
                  Thread.sleep(Long.MAX_VALUE);
                }
                byte[] answer = answers.getOrDefault(key, "null".getBytes(StandardCharsets.UTF_8));
                toClient.write(answer);
                toClient.write(ServerContextClient.EOT);
                toClient.flush();
              } catch (IOException | InterruptedException e) {
                // the test closed the line
              }
            },
            "fake-server-context");
    responder.setDaemon(true);
    responder.start();
    responders.add(responder);
    return new Streams(
        clientIn,
        clientOut,
        () -> {
          responder.interrupt();
          try {
            responder.join(5000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException();
          }
          clientOut.close();
          toClient.close();
        });
  }

  /** Whether every responder thread has ended (the line was closed). */
  boolean allClosed() {
    return responders.stream().noneMatch(Thread::isAlive);
  }

  private static String readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      request.write(b);
      if (b == '>' && request.size() >= 4) {
        break;
      }
    }
    return request.toString(StandardCharsets.UTF_8);
  }
}
