package dev.kindling.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

/** Runs a command line in-process and captures its exit status, output and log lines. */
final class Cli {
  /** The outcome: exit status, standard output, standard error, and the log (stderr) lines. */
  record Run(int status, String out, String err, String log) {
    /** Everything printed or logged. */
    String all() {
      return out + err + log;
    }
  }

  private Cli() {}

  static Run kindling(String... args) {
    return capture((out, err) -> Main.run(args, out, err));
  }

  static Run coreosCloudinit(String... args) {
    return capture((out, err) -> CoreosCloudinitMain.run(args, out, err));
  }

  private static synchronized Run capture(BiFunction<PrintWriter, PrintWriter, Integer> body) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    int status;
    try {
      status = body.apply(new PrintWriter(out, true), new PrintWriter(err, true));
    } finally {
      System.setErr(saved);
    }
    String logText = log.toString(StandardCharsets.UTF_8);
    saved.print(logText);
    return new Run(status, out.toString(), err.toString(), logText);
  }
}
