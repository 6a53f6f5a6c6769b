package dev.kindling.log;

import dev.kindling.value.OneLine;
import java.io.PrintStream;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * A logger that prints {@code LEVEL message} as one line on standard error (the stream {@code
 * System.err} is when the message is logged), then the stack trace of a throwable passed with it.
 * The arguments of a message are data (a hostname, a path, a server's answer): their control
 * characters are escaped ({@link OneLine}), so that no input can forge a log line of its own.
 */
final class StderrLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  /** One line, and its stack trace, at a time, whatever the thread. */
  private static final Object OUTPUT = new Object();

  private final int level;

  StderrLogger(String name, int level) {
    this.name = name;
    this.level = level;
  }

  private boolean logs(Level l) {
    return l.toInt() >= level;
  }

  @Override
  public boolean isTraceEnabled() {
    return logs(Level.TRACE);
  }

  @Override
  public boolean isDebugEnabled() {
    return logs(Level.DEBUG);
  }

  @Override
  public boolean isInfoEnabled() {
    return logs(Level.INFO);
  }

  @Override
  public boolean isWarnEnabled() {
    return logs(Level.WARN);
  }

  @Override
  public boolean isErrorEnabled() {
    return logs(Level.ERROR);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level l, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    String line = l + " " + MessageFormatter.basicArrayFormat(pattern, oneLine(arguments));
    PrintStream err = System.err;
    synchronized (OUTPUT) {
      err.println(line);
      if (throwable != null) {
        throwable.printStackTrace(err);
      }
      err.flush();
    }
  }

  /** The arguments with their text escaped; arrays are left to the formatter, which lists them. */
  static Object[] oneLine(Object[] arguments) {
    if (arguments == null) {
      return null;
    }
    Object[] shown = arguments.clone();
    for (int i = 0; i < shown.length; i++) {
      Object a = shown[i];
      if (a != null && !a.getClass().isArray()) {
        shown[i] = OneLine.escape(String.valueOf(a));
      }
    }
    return shown;
  }
}
