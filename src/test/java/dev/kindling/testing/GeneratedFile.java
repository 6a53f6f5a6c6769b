package dev.kindling.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The "generated file is current" check of a committed file made by the code (the JSON Schema,
 * docs/codes.md): fails when the committed file differs, or with {@code -D<property>=true} rewrites
 * it instead.
 */
public final class GeneratedFile {
  private GeneratedFile() {}

  /**
   * Asserts that {@code committed} holds {@code generated}.
   *
   * @param committed the file, relative to the project directory
   * @param generated what the code generates now
   * @param updateProperty the system property that rewrites the file instead of failing
   * @param generator what generates it, for the failure message
   */
  public static void assertCurrent(
      Path committed, String generated, String updateProperty, String generator)
      throws IOException {
    if (Boolean.getBoolean(updateProperty)) {
      Files.createDirectories(committed.toAbsolutePath().getParent());
      Files.writeString(committed, generated, StandardCharsets.UTF_8);
    }
    String text =
        Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
    assertThat(text)
        .as(
            "%s is not what %s generates; regenerate it with: mvn -B -ntp test -Dtest=%s -D%s=true",
            committed,
            generator,
            Thread.currentThread().getStackTrace()[2].getClassName().replaceAll(".*\\.", ""),
            updateProperty)
        .isEqualTo(generated);
  }
}
