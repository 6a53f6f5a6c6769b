package dev.kindling.apply.systemd;

import dev.kindling.nspawn.NspawnContainer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link DbusProbe} JVM running inside a container; one request, one answer line. */
final class ProbeSession implements AutoCloseable {
  private static final Duration ANSWER_LIMIT = Duration.ofSeconds(90);
  private static final String EOF = "\u0000eof";

  private final Process process;
  private final Writer requests;
  private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
  private final StringBuilder stderr = new StringBuilder();

  private ProbeSession(Process process) {
    this.process = process;
    this.requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  answers.add(line);
                }
              } catch (IOException e) {
                answers.add("error probe output: " + e.getMessage());
              }
              answers.add(EOF);
            },
            "probe-stdout");
    reader.setDaemon(true);
    reader.start();
    Thread errors =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  synchronized (stderr) {
                    stderr.append(line).append('\n');
                  }
                }
              } catch (IOException e) {
                // Only diagnostics are lost.
              }
            },
            "probe-stderr");
    errors.setDaemon(true);
    errors.start();
  }

  /** Starts the probe in {@code container} with the jar and test classes bind-mounted there. */
  static ProbeSession start(NspawnContainer container, String classpath)
      throws IOException, InterruptedException {
    List<String> command =
        container.nsenter(
            "/usr/bin/java",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            classpath,
            DbusProbe.class.getName());
    ProbeSession session = new ProbeSession(new ProcessBuilder(command).start());
    String ready = session.next();
    if (!ready.equals("ready")) {
      session.close();
      throw new IOException("the probe did not start: " + ready + "\n" + session.stderr());
    }
    return session;
  }

  /** Sends one request (words joined by tabs) and returns the answer line. */
  String ask(String... words) throws IOException, InterruptedException {
    requests.write(String.join("\t", words) + "\n");
    requests.flush();
    return next();
  }

  private String next() throws InterruptedException {
    String line = answers.poll(ANSWER_LIMIT.toSeconds(), TimeUnit.SECONDS);
    if (line == null) {
      return "error no answer within " + ANSWER_LIMIT.toSeconds() + " s";
    }
    return line.equals(EOF) ? "error probe ended; stderr:\n" + stderr() : line;
  }

  String stderr() {
    synchronized (stderr) {
      return stderr.toString();
    }
  }

  /**
   * Sends "quit": the probe closes its manager and exits. Returns its exit code, or -1 if it had to
   * be killed.
   */
  int quit() throws InterruptedException {
    try {
      ask("quit");
    } catch (IOException e) {
      // Already gone; the exit code tells.
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        quit();
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
