package dev.kindling.cli;

import dev.kindling.trace.StartupTrace;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Standard output and error as auto-flushing UTF-8 writers, for the launchers' {@code main}. */
final class StdStreams {
  final PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
  final PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);

  private static volatile boolean hooks;

  /** Records that a command registered a shutdown hook: {@link #exit} must then let it run. */
  static void shutdownHookAdded() {
    hooks = true;
  }

  /**
   * Flushes both writers and ends the JVM with {@code status}. Unless a command registered a
   * shutdown hook, it halts rather than exits: {@code Runtime.exit} first sets up the platform's
   * {@code System.Logger}, here {@code java.util.logging}, to log the exit at DEBUG level, several
   * milliseconds of every command for a message nobody reads. ({@code serve} registers one, and
   * returns while it runs on SIGTERM, whose exit status, 143, must stay the JVM's.)
   */
  void exit(int status) {
    out.flush();
    err.flush();
    StartupTrace.print(System.err);
    System.out.flush();
    System.err.flush();
    if (hooks) {
      System.exit(status);
    }
    Runtime.getRuntime().halt(status);
  }
}
