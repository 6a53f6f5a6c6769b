package dev.kindling.datasource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Test fixtures under {@code src/test/resources/datasource/}. */
public final class Fixtures {
  private Fixtures() {}

  /** The fixture directory or file {@code datasource/<relative>}. */
  public static Path path(String relative) {
    URL url = Fixtures.class.getResource("/datasource/" + relative);
    if (url == null) {
      throw new IllegalArgumentException("no fixture datasource/" + relative);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The UTF-8 text of a fixture file. */
  public static String text(String relative) {
    try {
      return Files.readString(path(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A generous deadline for tests whose reads all answer at once. */
  public static Deadline deadline() {
    return Deadline.in(Duration.ofSeconds(20));
  }

  /** The user data as UTF-8 text, or empty. */
  public static Optional<String> utf8(Optional<byte[]> bytes) {
    return bytes.map(b -> new String(b, StandardCharsets.UTF_8));
  }

  /** Copies a directory tree (used to stand in for a mount). */
  public static void copyTree(Path from, Path to) {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A map of one entry, for readability. */
  public static Map<String, String> keys(String name, String key) {
    return Map.of(name, key);
  }
}
