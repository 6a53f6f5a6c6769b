package dev.kindling.cli;

import dev.kindling.agent.SourceSelection;
import dev.kindling.datasource.FileDatasource;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The check the interactive commands ({@code render}, {@code fetch}) make before looking for a
 * datasource: a {@code --from-file} that does not exist fails at once. {@code run} (at boot) keeps
 * probing instead, since an installer may still write the file.
 */
final class FromFileCheck {
  private FromFileCheck() {}

  /** Why the {@code --from-file} of {@code selection} cannot be read, if it cannot. */
  static Optional<String> problem(SourceSelection selection) {
    String file = selection.explicit().get(FileDatasource.TYPE);
    if (file == null || file.equals("-")) {
      return Optional.empty();
    }
    try {
      Path path = Path.of(file);
      if (Files.isDirectory(path)) {
        return Optional.of("not a file: " + file);
      }
      return Files.exists(path) ? Optional.empty() : Optional.of("no such file: " + file);
    } catch (InvalidPathException e) {
      return Optional.of("not a valid path: " + file);
    }
  }
}
