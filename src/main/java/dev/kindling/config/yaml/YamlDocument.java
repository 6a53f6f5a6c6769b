package dev.kindling.config.yaml;

import java.util.List;
import java.util.Optional;

/**
 * The first document of a YAML stream, composed into a position-preserving tree.
 *
 * @param root the document's root node; absent for an empty document or when it failed to parse
 * @param problems syntax and limit problems; when non-empty the root is absent
 * @param ignoredDocuments where each further document ({@code ---}) starts; they are ignored, as
 *     coreos-cloudinit reads only the first document
 */
public record YamlDocument(
    Optional<YamlNode> root, List<YamlProblem> problems, List<Position> ignoredDocuments) {
  public YamlDocument {
    problems = List.copyOf(problems);
    ignoredDocuments = List.copyOf(ignoredDocuments);
  }

  /** A document that failed to parse. */
  public static YamlDocument failed(YamlProblem problem) {
    return new YamlDocument(Optional.empty(), List.of(problem), List.of());
  }
}
