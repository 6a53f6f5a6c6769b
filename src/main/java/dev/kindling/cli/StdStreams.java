package dev.kindling.cli;

import dev.kindling.trace.StartupTrace;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Standard output and error as auto-flushing UTF-8 writers, for the launchers' {@code main}. */
final class StdStreams {
  final PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
  final PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);

  /** Flushes both writers and ends the JVM with {@code status}. */
  void exit(int status) {
    out.flush();
    err.flush();
    StartupTrace.print(System.err);
    System.exit(status);
  }
}
