package dev.kindling.apply;

import dev.kindling.value.FailureText;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Turns I/O exceptions into the "why" part of "failed to X: why" messages. */
final class Errors {
  private Errors() {}

  static String describe(IOException e) {
    if (e instanceof AccessDeniedException a) {
      return "permission denied: " + a.getFile();
    }
    if (e instanceof NoSuchFileException n) {
      return "no such file or directory: " + n.getFile();
    }
    if (e instanceof FileAlreadyExistsException f) {
      return "already exists: " + f.getFile();
    }
    if (e instanceof FileSystemException f && f.getReason() != null && f.getFile() != null) {
      return f.getFile() + ": " + f.getReason();
    }
    return FailureText.of(e);
  }
}
