package dev.kindling.datasource;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Runs an external program (blkid, mount, vmware-rpctool, stty) and returns what it printed. The
 * one seam through which local datasources execute processes, so tests can answer with canned
 * results instead of touching the host.
 */
@FunctionalInterface
public interface CommandRunner {
  /**
   * Runs {@code command} (program and arguments, no shell) and waits for it, at most until the
   * deadline.
   *
   * @throws ProgramNotFoundException when the program is not installed
   * @throws IOException when the program cannot be started or did not finish before the deadline
   *     (it is then killed)
   */
  Result run(List<String> command, Deadline deadline) throws IOException, InterruptedException;

  /**
   * What a finished program returned.
   *
   * @param exitCode its exit status
   * @param stdout what it wrote to standard output (UTF-8)
   * @param stderr what it wrote to standard error (UTF-8)
   */
  record Result(int exitCode, String stdout, String stderr) {
    public Result {
      Objects.requireNonNull(stdout, "stdout");
      Objects.requireNonNull(stderr, "stderr");
    }

    /** Whether the program exited with status 0. */
    public boolean succeeded() {
      return exitCode == 0;
    }

    /** The first non-blank line of standard error, or of standard output, for messages. */
    public String firstErrorLine() {
      for (String text : List.of(stderr, stdout)) {
        var line = text.lines().filter(l -> !l.isBlank()).findFirst();
        if (line.isPresent()) {
          return line.get().strip();
        }
      }
      return "exit status " + exitCode;
    }

    @Override
    public String toString() {
      // Output may hold secrets (guestinfo values): show only its size.
      return "Result[exitCode="
          + exitCode
          + ", stdout="
          + stdout.length()
          + " chars, stderr="
          + stderr.length()
          + " chars]";
    }
  }

  /** The program to run does not exist (not installed, or not on {@code PATH}). */
  final class ProgramNotFoundException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The program {@code program} was not found. */
    public ProgramNotFoundException(String program, Throwable cause) {
      super(program + ": not installed (not found on PATH)", cause);
    }
  }
}
