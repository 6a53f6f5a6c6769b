package dev.kindling.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Golden-file cases: one directory per case, expected files rewritten with golden.update. */
public final class GoldenCases {
  /** {@code -Dgolden.update=true}: write the expected files instead of comparing with them. */
  public static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private GoldenCases() {}

  /** The names of the case directories directly under {@code root}, sorted. */
  public static Stream<String> names(Path root) throws IOException {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  /**
   * Asserts that {@code expected} exists and holds {@code actual}; with {@link #UPDATE}, writes
   * {@code actual} there instead.
   */
  public static void check(Path expected, String actual) throws IOException {
    if (UPDATE) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(expected).as("missing golden file; run with -Dgolden.update=true").exists();
    assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }
}
