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
final class JimfsRoot implements AutoCloseable {
  final FileSystem fs;
  final Path root;

  JimfsRoot() {
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
    List<String> lines = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted().toList()) {
        if (p.equals(root)) {
          continue;
        }
        String target = "/" + root.relativize(p);
        if (Files.isSymbolicLink(p)) {
          lines.add("l " + target + " -> " + Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          lines.add("d " + mode(target) + " " + target);
        } else {
          lines.add(
              "f " + mode(target) + " " + target + " " + Files.readString(p).replace("\n", "\\n"));
        }
      }
    }
    return lines;
  }

  @Override
  public void close() throws IOException {
    fs.close();
  }
}
