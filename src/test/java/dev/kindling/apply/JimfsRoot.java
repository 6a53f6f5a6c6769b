package dev.kindling.apply;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** An in-memory unix file system with a target root directory, for applier tests. */
public final class JimfsRoot implements AutoCloseable {
  final FileSystem fs;

  /** The target root directory, {@code /target}. */
  public final Path root;

  /** A new file system with an empty {@code /target}. */
  public JimfsRoot() {
    fs =
        Jimfs.newFileSystem(
            Configuration.unix().toBuilder()
                .setAttributeViews("basic", "owner", "posix", "unix")
                .build());
    root = fs.getPath("/target");
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path path(String target) {
    return root.resolve(target.substring(1));
  }

  String read(String target) throws IOException {
    return Files.readString(path(target), StandardCharsets.UTF_8);
  }

  void write(String target, String content) throws IOException {
    Path p = path(target);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
  }

  String mode(String target) throws IOException {
    return PosixFilePermissions.toString(
        Files.getPosixFilePermissions(path(target), LinkOption.NOFOLLOW_LINKS));
  }

  /**
   * The whole tree as sorted lines: {@code d rwxr-xr-x /etc}, {@code f rw-r--r-- /etc/hosts
   * <content>}, {@code l /x -> /dev/null}.
   */
  List<String> tree() throws IOException {
    return tree(
        (p, target) -> {
          if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            return "d " + mode(target) + " " + target;
          }
          String content = Files.readString(p).replace("\n", "\\n");
          return "f " + mode(target) + " " + target + " " + content;
        });
  }

  /**
   * Every entry below the root as sorted lines: symbolic links as {@code l /x -> /dev/null}, files
   * and directories as {@code entry} describes them.
   */
  public List<String> tree(Entry entry) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted().toList()) {
        if (p.equals(root)) {
          continue;
        }
        String target = "/" + root.relativize(p);
        lines.add(
            Files.isSymbolicLink(p)
                ? "l " + target + " -> " + Files.readSymbolicLink(p)
                : entry.line(p, target));
      }
    }
    return lines;
  }

  /** How {@link #tree(Entry)} shows a file or directory that is not a symbolic link. */
  @FunctionalInterface
  public interface Entry {
    /** The line for {@code path}, which stands at {@code target} (absolute) under the root. */
    String line(Path path, String target) throws IOException;
  }

  @Override
  public void close() throws IOException {
    fs.close();
  }
}
