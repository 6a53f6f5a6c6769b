package dev.kindling.datasource;

/** A datasource could not deliver: the message says what failed and why, without secrets. */
public class DatasourceException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * A failure with a message such as {@code failed to fetch user-data: HTTP 403 (IMDS disabled)}.
   */
  public DatasourceException(String message) {
    super(message);
  }

  /** A failure with its cause. */
  public DatasourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
