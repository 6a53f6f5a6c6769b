package dev.kindling.datasource;

import java.util.List;

/**
 * No datasource became available (or delivered) before the deadline; the message names every source
 * tried and what it last said. The CLI maps it to exit status 2.
 */
public final class NoDatasourceException extends DatasourceException {
  private static final long serialVersionUID = 1L;

  private final List<String> tried;

  /** The failure, with the type names of the sources tried. */
  public NoDatasourceException(String message, List<String> tried, Throwable cause) {
    super(message, cause);
    this.tried = List.copyOf(tried);
  }

  /** The type names of the sources that were tried, in candidate order. */
  public List<String> tried() {
    return tried;
  }
}
