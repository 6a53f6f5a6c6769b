package dev.kindling.datasource;

/**
 * No datasource became available (or delivered) before the deadline; the message names every source
 * tried and what it last said. The CLI maps it to exit status 2.
 */
public final class NoDatasourceException extends DatasourceException {
  private static final long serialVersionUID = 1L;

  /** The failure; the message names the sources tried and what each last said. */
  public NoDatasourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
