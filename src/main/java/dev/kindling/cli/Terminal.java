package dev.kindling.cli;

import java.io.File;
import java.io.IOException;

/** Whether a standard stream of this process is a terminal. */
final class Terminal {
  private Terminal() {}

  /**
   * Whether file descriptor {@code fd} (1 standard output, 2 standard error) is a terminal: on
   * Linux its {@code /proc/self/fd} link names a tty device. Elsewhere, whether the JVM has a
   * console (standard input and output are a terminal).
   */
  // The shipped runtime (JDK 25 linked without jdk.internal.le, or JDK 17) has no Console unless
  // stdin and stdout are a terminal.
  @SuppressWarnings("SystemConsoleNull")
  static boolean is(int fd) {
    try {
      File link = new File("/proc/self/fd/" + fd);
      if (!link.exists()) {
        return System.console() != null;
      }
      String target = link.getCanonicalPath();
      return target.startsWith("/dev/pts/")
          || target.startsWith("/dev/tty")
          || target.equals("/dev/console");
    } catch (IOException | SecurityException e) {
      return System.console() != null;
    }
  }
}
