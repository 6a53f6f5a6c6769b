package dev.kindling.datasource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The production {@link CommandRunner}: starts the program with {@link ProcessBuilder} (found on
 * {@code PATH}, {@code LC_ALL=C}, no standard input), collects its output (at most {@value
 * #MAX_OUTPUT} bytes per stream) and kills it when the deadline passes.
 */
public final class ProcessCommandRunner implements CommandRunner {
  /** Most bytes kept from each of standard output and standard error. */
  public static final int MAX_OUTPUT = 1024 * 1024;

  @Override
  public Result run(List<String> command, Deadline deadline)
      throws IOException, InterruptedException {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("empty command");
    }
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("LC_ALL", "C");
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      // ProcessBuilder reports a missing program only in its message ("error=2, ...").
      if (String.valueOf(e.getMessage()).contains("error=2,")) {
        throw new ProgramNotFoundException(command.get(0), e);
      }
      throw e;
    }
    StreamCollector out = new StreamCollector(process.getInputStream(), command.get(0) + "-out");
    StreamCollector err = new StreamCollector(process.getErrorStream(), command.get(0) + "-err");
    out.start();
    err.start();
    try {
      Duration left = deadline.remaining();
      if (!process.waitFor(left.toNanos(), TimeUnit.NANOSECONDS)) {
        process.destroyForcibly();
        throw new IOException(command.get(0) + " did not finish in time (killed)");
      }
      // The streams end when the process (and any child holding them) exits.
      out.join(1000);
      err.join(1000);
      return new Result(process.exitValue(), out.text(), err.text());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** Reads one process stream to its end on a daemon thread, keeping a bounded prefix. */
  private static final class StreamCollector extends Thread {
    private final InputStream in;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

    StreamCollector(InputStream in, String name) {
      super("kindling-" + name);
      this.in = in;
      setDaemon(true);
    }

    @Override
    public void run() {
      byte[] buffer = new byte[8192];
      try (in) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          synchronized (kept) {
            int room = MAX_OUTPUT - kept.size();
            if (room > 0) {
              kept.write(buffer, 0, Math.min(n, room));
            }
          }
        }
      } catch (IOException e) {
        // The process was killed or its stream closed: keep what was read.
      }
    }

    String text() {
      synchronized (kept) {
        return kept.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
