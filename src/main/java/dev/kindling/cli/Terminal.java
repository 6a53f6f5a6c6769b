package dev.kindling.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a standard stream of this process is a terminal. */
final class Terminal {
  private Terminal() {}

  /**
   * Whether file descriptor {@code fd} (1 standard output, 2 standard error) is a terminal: on
   * Linux its {@code /proc/self/fd} link names a tty device. Elsewhere, whether the JVM has a
   * console (standard input and output are a terminal).
   */
  // The shipped runtime is JDK 17, where System.console() is null unless stdin and stdout are a
  // terminal.
  @SuppressWarnings("SystemConsoleNull")
  static boolean is(int fd) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/")
          || target.startsWith("/dev/tty")
          || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }
}
