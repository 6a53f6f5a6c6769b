package dev.kindling.apply;

import dev.kindling.value.Bytes;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Runs the external programs the applier needs ({@code useradd}, {@code chpasswd}, {@code
 * update-ssh-keys}, {@code modprobe}). Output is captured and returned, never logged: it may hold
 * secrets.
 */
public interface ProcessRunner {
  /** Whether {@code program} (a name looked up on the search path, or a path) can be run. */
  boolean exists(String program);

  /** Runs a command to completion, killing it when the timeout passes. */
  Result run(Command command) throws IOException, InterruptedException;

  /**
   * A program and its arguments, standard input and time limit. {@code toString} shows the program
   * only: arguments may hold a password hash.
   */
  record Command(List<String> argv, Bytes stdin, Duration timeout) {
    public Command {
      argv = List.copyOf(argv);
      if (argv.isEmpty()) {
        throw new IllegalArgumentException("empty command");
      }
      Objects.requireNonNull(stdin, "stdin");
      Objects.requireNonNull(timeout, "timeout");
    }

    /** The program name. */
    public String program() {
      return argv.get(0);
    }

    @Override
    public String toString() {
      return "Command[" + program() + ", " + (argv.size() - 1) + " args, stdin " + stdin + "]";
    }
  }

  /**
   * How a command ended.
   *
   * @param exitStatus the exit status
   * @param output standard output and error, interleaved (possibly truncated)
   */
  record Result(int exitStatus, String output) {
    public Result {
      Objects.requireNonNull(output, "output");
    }

    @Override
    public String toString() {
      return "Result[" + exitStatus + ", " + output.length() + " chars]";
    }
  }
}
