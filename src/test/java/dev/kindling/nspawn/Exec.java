package dev.kindling.nspawn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs a host command to completion with a deadline and captures its output. */
public final class Exec {
  private Exec() {}

  /** What a finished command left: exit code, stdout and stderr. */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {
    /** stdout without surrounding white space. */
    public String out() {
      return stdout.strip();
    }

    /** A one-paragraph account for assertion messages. */
    public String describe() {
      return String.join(" ", command)
          + " -> exit "
          + exitCode
          + "\nstdout: "
          + stdout.strip()
          + "\nstderr: "
          + stderr.strip();
    }
  }

  /** Runs {@code command} (no shell) with {@code stdin} as input; kills it past {@code timeout}. */
  public static Result run(List<String> command, String stdin, Duration timeout)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).start();
    CompletableFuture<String> out = drain(process.getInputStream());
    CompletableFuture<String> err = drain(process.getErrorStream());
    try (var in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      // The command did not read its input; its exit code tells the rest.
    }
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
      throw new IOException(
          String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s");
    }
    return new Result(List.copyOf(command), process.exitValue(), get(out), get(err));
  }

  /** Runs {@code command} without input. */
  public static Result run(List<String> command, Duration timeout)
      throws IOException, InterruptedException {
    return run(command, "", timeout);
  }

  /** Whether {@code program} is an executable on PATH. */
  public static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    for (String dir : path.split(":", -1)) {
      if (!dir.isEmpty() && java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static String get(CompletableFuture<String> future) throws InterruptedException {
    try {
      return future.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      return "<output unavailable: " + e + ">";
    }
  }
}
