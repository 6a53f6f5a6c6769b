package dev.kindling.log;

import java.io.PrintStream;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * A logger that prints {@code LEVEL message} as one line on standard error (the stream {@code
 * System.err} is when the message is logged), then the stack trace of a throwable passed with it.
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
    String line = l + " " + MessageFormatter.basicArrayFormat(pattern, arguments);
    PrintStream err = System.err;
    synchronized (OUTPUT) {
      err.println(line);
      if (throwable != null) {
        throwable.printStackTrace(err);
      }
      err.flush();
    }
  }
}
