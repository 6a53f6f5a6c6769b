package dev.kindling.serve;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * One line per request: method, path, status, bytes in and out, and milliseconds. Nothing else, so
 * no user data, header or query value can reach the log.
 */
final class RequestLog {
  private final PrintWriter out;

  RequestLog(PrintWriter out) {
    this.out = out;
  }

  /** Logs a finished request. */
  void log(String method, String path, int status, long bytesIn, long bytesOut, long nanos) {
    String line =
        String.format(
            Locale.ROOT,
            "%s %s %d in=%d out=%d %.1fms",
            Text.clip(method, 16),
            Text.clip(path, 100),
            status,
            bytesIn,
            bytesOut,
            nanos / 1e6);
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }

  /** Logs a server event (start, stop, an internal error's class). */
  void event(String message) {
    synchronized (out) {
      out.println(message);
      out.flush();
    }
  }
}
