package dev.kindling.datasource;

import java.util.List;

/**
 * Finds datasources that are discovered rather than named by a flag, for {@code --auto}: e.g. a
 * block device labelled {@code config-2} that is mounted read-only and read as a config-drive.
 * Datasources it returns that are {@link AutoCloseable} (a mount to undo) are closed by the caller
 * after fetching.
 */
public interface DatasourceLocator {
  /** What it looks for, for logs: e.g. {@code config-2 drive}. */
  String name();

  /** The datasources found now (possibly none); must honour the deadline. */
  List<Datasource> locate(Deadline deadline) throws InterruptedException;
}
