package dev.kindling.cli;

import dev.kindling.agent.SourceSelection;
import dev.kindling.datasource.FileDatasource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The check the interactive commands ({@code render}, {@code fetch}) make before looking for a
 * datasource: a {@code --from-file} that does not exist fails at once. {@code run} (at boot) keeps
 * probing instead, since an installer may still write the file.
 */
final class FromFileCheck {
  private FromFileCheck() {}

  /**
   * The sources the parsed command line names, or empty after printing why their {@code
   * --from-file} cannot be read (after {@code command}, e.g. {@code kindling fetch: no such file:
   * x}).
   */
  static Optional<SourceSelection> selection(CommandSpec spec, String command, PrintWriter err) {
    SourceSelection sources = SourceOptions.selection(spec);
    Optional<String> missing = problem(sources);
    if (missing.isPresent()) {
      err.println(command + ": " + missing.get());
      return Optional.empty();
    }
    return Optional.of(sources);
  }

  /** Why the {@code --from-file} of {@code selection} cannot be read, if it cannot. */
  private static Optional<String> problem(SourceSelection selection) {
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
