package dev.kindling.serve;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar kindling.jar serve ...} as a process: its URL from the first line of standard
 * output, standard output and error captured, stopped with SIGTERM.
 */
final class ServeProcess implements AutoCloseable {
  private final Process process;
  private final URI url;
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final CompletableFuture<Void> drained;

  private ServeProcess(Process process, URI url, BufferedReader stdout) {
    this.process = process;
    this.url = url;
    CompletableFuture<Void> errDone =
        CompletableFuture.runAsync(() -> copy(process.getErrorStream(), err));
    CompletableFuture<Void> outDone =
        CompletableFuture.runAsync(
            () -> {
              try {
                String l;
                while ((l = stdout.readLine()) != null) {
                  synchronized (out) {
                    out.writeBytes((l + "\n").getBytes(UTF_8));
                  }
                }
              } catch (IOException e) {
                // the process ended
              }
            });
    this.drained = CompletableFuture.allOf(errDone, outDone);
  }

  /** Starts {@code kindling serve} with these arguments and waits for its first line. */
  static ServeProcess start(String... args) throws IOException {
    String jar = System.getProperty("kindling.jar", "target/kindling.jar");
    assertThat(Path.of(jar)).as("the shaded jar (mvn package)").exists();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar);
    command.add("serve");
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    BufferedReader stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8));
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return stdout.readLine();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    String line;
    try {
      line = first.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new AssertionError("kindling serve printed no first line within 60 s", e);
    }
    assertThat(line).as("first line").matches("listening on http://127\\.0\\.0\\.1:[1-9]\\d*/");
    return new ServeProcess(process, URI.create(line.substring("listening on ".length())), stdout);
  }

  private static void copy(InputStream in, ByteArrayOutputStream to) {
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = in.read(buffer)) > 0) {
        synchronized (to) {
          to.write(buffer, 0, n);
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /** The page's URL. */
  URI url() {
    return url;
  }

  /** Standard error so far (the request log). */
  String err() {
    synchronized (err) {
      return err.toString(UTF_8);
    }
  }

  /** Standard output after the first line. */
  String out() {
    synchronized (out) {
      return out.toString(UTF_8);
    }
  }

  /** Sends SIGTERM and returns the exit status. */
  int terminate() throws InterruptedException {
    // Through the handle: Process.destroy() also closes our ends of the pipes, losing what the
    // server prints while it stops.
    process.toHandle().destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("kindling serve did not stop within 30 s of SIGTERM");
    }
    drained.join();
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
