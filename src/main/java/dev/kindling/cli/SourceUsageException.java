package dev.kindling.cli;

import dev.kindling.datasource.DatasourceException;

/** The source options cannot be used as given (exit status 2): no source, bad URL, bad --oem. */
final class SourceUsageException extends DatasourceException {
  private static final long serialVersionUID = 1L;

  SourceUsageException(String message) {
    super(message);
  }
}
