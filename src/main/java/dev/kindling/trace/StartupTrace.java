package dev.kindling.trace;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * printed, and a run's output is the same.
 */
public final class StartupTrace {
  /** Whether tracing is on (the system property {@code kindling.trace} is {@code true}). */
  public static final boolean ON = Boolean.getBoolean("kindling.trace");

  private static final List<Mark> MARKS = ON ? new ArrayList<>() : List.of();
  private static final Map<String, long[]> SPANS = ON ? new LinkedHashMap<>() : Map.of();

  private record Mark(long nanos, String label) {}

  private StartupTrace() {}

  /** Records that the phase {@code label} ends now. */
  public static void mark(String label) {
    if (ON) {
      long now = System.nanoTime();
      synchronized (MARKS) {
        MARKS.add(new Mark(now, label));
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
        long[] sum = SPANS.computeIfAbsent(label, k -> new long[2]);
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
      for (Mark m : MARKS) {
        out.append("kindling-trace mark ").append(m.nanos()).append(' ').append(m.label());
        out.append('\n');
      }
    }
    synchronized (SPANS) {
      SPANS.forEach(
          (label, sum) ->
              out.append("kindling-trace span ")
                  .append(sum[0])
                  .append(' ')
                  .append(sum[1])
                  .append(' ')
                  .append(label)
                  .append('\n'));
    }
    err.print(out);
    err.flush();
  }
}
