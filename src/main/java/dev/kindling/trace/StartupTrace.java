package dev.kindling.trace;

import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Start-up trace, enabled by {@code -Dkindling.trace=true}: marks name the end of a phase ({@link
 * #mark}), spans sum the time of a repeated kind of work ({@link #start}, {@link #end}: HTTP
 * requests, fsyncs, ...). {@link #print} writes them to standard error at exit, one line each, with
 * {@link System#nanoTime()} values so that they line up with the JVM's own {@code -Xlog} lines
 * (decoration {@code timenanos}, the same clock):
 *
 * <pre>
 * kindling-trace clock NANOS EPOCH_MICROS
 * kindling-trace mark NANOS LABEL
 * kindling-trace span COUNT TOTAL_NANOS LABEL
 * </pre>
 *
 * <p>When the property is not set every method returns at once: nothing is recorded, allocated or
 * printed, and a run's output is the same. When it is set, recording uses only what every run has
 * loaded and linked already (no lambda, no class of its own): a class the archive lacks would be
 * parsed, or a lambda generated, in the middle of the phase being measured, and show up as that
 * phase's time.
 */
public final class StartupTrace {
  /** Whether tracing is on (the system property {@code kindling.trace} is {@code true}). */
  public static final boolean ON = Boolean.getBoolean("kindling.trace");

  /** The mark lines, in the order they were reached. */
  private static final StringBuilder MARKS = new StringBuilder(ON ? 512 : 0);

  private static final Map<String, long[]> SPANS = ON ? new LinkedHashMap<>() : Map.of();

  private StartupTrace() {}

  /** Records that the phase {@code label} ends now. */
  public static void mark(String label) {
    if (ON) {
      long now = System.nanoTime();
      synchronized (MARKS) {
        MARKS.append("kindling-trace mark ").append(now).append(' ').append(label).append('\n');
      }
    }
  }

  /** The start of a span (pass it to {@link #end}); 0 when tracing is off. */
  public static long start() {
    return ON ? System.nanoTime() : 0;
  }

  /** Adds the time since {@code start} to the span {@code label} and counts it. */
  public static void end(String label, long start) {
    if (ON) {
      long took = System.nanoTime() - start;
      synchronized (SPANS) {
        long[] sum = SPANS.get(label);
        if (sum == null) {
          sum = new long[2];
          SPANS.put(label, sum);
        }
        sum[0]++;
        sum[1] += took;
      }
    }
  }

  /** Marks {@code exit} and prints the trace to {@code err}; does nothing when tracing is off. */
  public static void print(PrintStream err) {
    if (!ON) {
      return;
    }
    mark("exit");
    Instant wall = Instant.now();
    long nanos = System.nanoTime();
    StringBuilder out = new StringBuilder();
    out.append("kindling-trace clock ")
        .append(nanos)
        .append(' ')
        .append(wall.getEpochSecond() * 1_000_000L + wall.getNano() / 1000)
        .append('\n');
    synchronized (MARKS) {
      out.append(MARKS);
    }
    synchronized (SPANS) {
      for (Map.Entry<String, long[]> span : SPANS.entrySet()) {
        long[] sum = span.getValue();
        out.append("kindling-trace span ").append(sum[0]).append(' ').append(sum[1]);
        out.append(' ').append(span.getKey()).append('\n');
      }
    }
    err.print(out);
    err.flush();
  }
}
