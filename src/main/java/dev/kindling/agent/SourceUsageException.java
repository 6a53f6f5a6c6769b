package dev.kindling.agent;

/** The sources cannot be used as given (exit status 2): no source, a bad URL, a bad --oem. */
final class SourceUsageException extends Exception {
  private static final long serialVersionUID = 1L;

  SourceUsageException(String message) {
    super(message);
  }
}
