package dev.kindling.value;

/**
 * The words a finding, a step or a log line uses for a failure: the exception's message, else (no
 * message, or only blanks) its kind, so that a report never says "failed: null" or ends in an empty
 * reason.
 */
public final class FailureText {
  private FailureText() {}

  /** {@code failure}'s message, stripped, else the simple name of its class. */
  public static String of(Throwable failure) {
    String message = failure.getMessage();
    return message == null || message.isBlank()
        ? failure.getClass().getSimpleName()
        : message.strip();
  }
}
