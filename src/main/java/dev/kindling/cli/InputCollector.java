package dev.kindling.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the {@code PATH} arguments of {@code validate} into named inputs: a file as given, every
 * {@code *.yaml}, {@code *.yml}, {@code user-data} and {@code user_data} file below a directory
 * (sorted, so the output is the same on every run; hidden directories and {@code --exclude} matches
 * skipped), and {@code -} for standard input. A directory without such files is an error. A path
 * that cannot be read is reported on stderr and remembered; the others are still read.
 */
final class InputCollector {
  /** Largest input read (user data is at most a few hundred KiB on every cloud). */
  static final int MAX_SIZE = 64 * 1024 * 1024;

  /** Receives one input: how reports name it (the path as given, or "-") and its content. */
  interface Sink {
    void accept(String name, byte[] bytes);
  }

  private final InputStream stdin;
  private final PrintWriter err;
  private final List<PathMatcher> excludes = new ArrayList<>();
  private final List<String[]> unreadable = new ArrayList<>();
  private byte[] stdinBytes;
  private boolean failed;

  InputCollector(InputStream stdin, PrintWriter err) {
    this(stdin, err, List.of());
  }

  /**
   * A collector that skips, below a directory, every file or directory whose path (relative to the
   * directory walked) or name matches one of {@code excludeGlobs}.
   */
  InputCollector(InputStream stdin, PrintWriter err, List<String> excludeGlobs) {
    this.stdin = stdin;
    this.err = err;
    for (String glob : excludeGlobs) {
      excludes.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
    }
  }

  /** Whether some path could not be read. */
  boolean failed() {
    return failed;
  }

  /** Reads what {@code arg} names and hands each input to {@code sink}, in order. */
  void collect(String arg, Sink sink) {
    if (arg.equals("-")) {
      try {
        if (stdinBytes == null) {
          stdinBytes = readCapped(stdin);
        }
        sink.accept("-", stdinBytes);
      } catch (IOException e) {
        fail("standard input", e);
      }
      return;
    }
    Path path;
    try {
      path = Path.of(arg);
    } catch (InvalidPathException e) {
      fail(arg, new IOException("not a valid path"));
      return;
    }
    if (Files.isDirectory(path)) {
      List<Path> files = walk(path);
      if (files.isEmpty() && !failed) {
        String reason =
            "no user-data files (*.yaml, *.yml, user-data, user_data) below it (hidden directories"
                + " and --exclude matches are skipped)";
        err.println("kindling validate: nothing to validate in " + arg + ": " + reason);
        unreadable.add(new String[] {arg, reason});
        failed = true;
      }
      for (Path file : files) {
        read(file, sink);
      }
    } else {
      read(path, sink);
    }
  }

  private void read(Path file, Sink sink) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = readCapped(in);
    } catch (IOException e) {
      fail(file.toString(), e);
      return;
    }
    sink.accept(file.toString(), bytes);
  }

  private List<Path> walk(Path root) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (!dir.equals(root) && (isHidden(dir) || excluded(root, dir))) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (isUserData(file)
                  && !excluded(root, file)
                  && (attrs.isRegularFile() || Files.isRegularFile(file))) {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              fail(file.toString(), e);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      fail(root.toString(), e);
    }
    files.sort(null);
    return files;
  }

  /** A directory a walk skips: its name starts with a dot ({@code .git}, {@code .github}). */
  static boolean isHidden(Path dir) {
    Path name = dir.getFileName();
    return name != null && name.toString().startsWith(".") && !name.toString().equals(".");
  }

  private boolean excluded(Path root, Path path) {
    Path relative = root.relativize(path);
    Path name = path.getFileName();
    for (PathMatcher m : excludes) {
      if (m.matches(relative) || (name != null && m.matches(name))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The file names a directory walk picks up: {@code *.yaml}, {@code *.yml}, user-data, user_data.
   */
  static boolean isUserData(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return false;
    }
    String n = name.toString();
    return n.endsWith(".yaml")
        || n.endsWith(".yml")
        || n.equals("user-data")
        || n.equals("user_data");
  }

  private static byte[] readCapped(InputStream in) throws IOException {
    return readCapped(in, MAX_SIZE);
  }

  /** Reads to the end, refusing more than {@code max} bytes (without allocating them). */
  static byte[] readCapped(InputStream in, int max) throws IOException {
    byte[] buffer = new byte[8192];
    int size = 0;
    while (true) {
      if (size == buffer.length) {
        if (size > max) {
          throw new IOException("larger than " + max / (1024 * 1024) + " MiB");
        }
        buffer = Arrays.copyOf(buffer, (int) Math.min(size * 2L, max + 1L));
      }
      int n = in.read(buffer, size, buffer.length - size);
      if (n < 0) {
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
      }
      size += n;
    }
  }

  private void fail(String what, IOException e) {
    String reason = ValidateCommand.reason(e);
    err.println("kindling validate: failed to read " + what + ": " + reason);
    unreadable.add(new String[] {what, reason});
    failed = true;
  }

  /** The paths that could not be read and why, in the order met. */
  List<String[]> unreadable() {
    return unreadable;
  }
}
