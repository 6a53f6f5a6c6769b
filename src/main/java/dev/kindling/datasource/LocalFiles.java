package dev.kindling.datasource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads local files for datasources with a size cap and a deadline: the read runs on a short-lived
 * daemon thread, so a file that blocks (a FIFO, a hung drive) cannot hold the caller past its
 * deadline.
 */
public final class LocalFiles {
  /** Most bytes read from one file (a guard against {@code /dev/zero} and runaway files). */
  public static final int MAX_BYTES = 32 * 1024 * 1024;

  private LocalFiles() {}

  /** The file's bytes, or empty when it does not exist. */
  public static Optional<byte[]> readIfExists(Path file, Deadline deadline)
      throws DatasourceException, InterruptedException {
    return readIfExists(file, deadline, MAX_BYTES);
  }

  /** The file's first {@code limit} bytes at most (no error when longer), or empty if missing. */
  public static Optional<byte[]> readPrefixIfExists(Path file, int limit, Deadline deadline)
      throws DatasourceException, InterruptedException {
    return read(file, deadline, limit, false);
  }

  /** The file's bytes (at most {@code limit}, else an error), or empty when it does not exist. */
  public static Optional<byte[]> readIfExists(Path file, Deadline deadline, int limit)
      throws DatasourceException, InterruptedException {
    return read(file, deadline, limit, true);
  }

  private static Optional<byte[]> read(Path file, Deadline deadline, int limit, boolean strict)
      throws DatasourceException, InterruptedException {
    if (deadline.expired()) {
      throw new DatasourceException("failed to read " + file + ": the deadline has passed");
    }
    FutureTask<byte[]> task = new FutureTask<>(() -> readCapped(file, limit, strict));
    Thread reader = new Thread(task, "kindling-read");
    reader.setDaemon(true);
    reader.start();
    try {
      return Optional.of(task.get(deadline.remaining().toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      reader.interrupt(); // closes an interruptible channel and unblocks the read
      throw new DatasourceException("failed to read " + file + ": no data before the deadline");
    } catch (InterruptedException e) {
      reader.interrupt();
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof NoSuchFileException) {
        return Optional.empty();
      }
      if (cause instanceof TooLargeException) {
        throw new DatasourceException(
            "failed to read " + file + ": larger than " + limit + " bytes", cause);
      }
      throw new DatasourceException("failed to read " + file + ": " + describe(cause), cause);
    }
  }

  private static byte[] readCapped(Path file, int limit, boolean strict) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] data = in.readNBytes(strict ? limit + 1 : limit);
      if (strict && data.length > limit) {
        throw new TooLargeException();
      }
      return data;
    }
  }

  /**
   * A readable reason for an I/O failure, e.g. {@code permission denied} or {@code is a directory}.
   */
  public static String describe(Throwable e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      return fse.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  /** Whether {@code file} exists (a file that cannot be inspected counts as existing). */
  public static boolean exists(Path file) {
    try {
      Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
      return true;
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      return true; // e.g. permission denied: present, and the read will say why it fails
    }
  }

  private static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;
  }
}
