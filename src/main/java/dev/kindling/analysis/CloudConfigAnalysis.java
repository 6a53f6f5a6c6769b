package dev.kindling.analysis;

import dev.kindling.analysis.rules.Rule;
import dev.kindling.analysis.rules.RuleContext;
import dev.kindling.analysis.rules.Rules;
import dev.kindling.config.CheckedConfig;
import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.Rejection;
import dev.kindling.config.Severity;
import dev.kindling.config.bind.BindResult;
import dev.kindling.config.bind.ConfigBinder;
import dev.kindling.config.bind.SourceMap;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.config.yaml.Position;
import dev.kindling.config.yaml.YamlDocument;
import dev.kindling.config.yaml.YamlParser;
import dev.kindling.config.yaml.YamlProblem;
import dev.kindling.metadata.Metadata;
import dev.kindling.metadata.Templater;
import dev.kindling.value.Redaction;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One cloud-config text, analysed once: decoded as strict UTF-8, templated with the metadata (when
 * given), parsed, bound and checked by every rule. Findings are located on the templated text and
 * then mapped back to the user's text; the errors become the config's rejections.
 */
final class CloudConfigAnalysis {
  /**
   * The outcome for one text.
   *
   * @param config the checked config, absent when the text could not be read (then {@code problem}
   *     says why)
   * @param findings every finding, positions in the user's text, in document order
   * @param problem why nothing of the text can be applied, if so
   * @param unresolved the variables that had no value
   * @param sources where the bound values came from (positions in the templated text)
   * @param positions the map from the templated text back to the user's text
   * @param document the parsed document when no variable was substituted (its positions are then
   *     the user's)
   */
  record Result(
      Optional<CheckedConfig> config,
      List<Finding> findings,
      Optional<String> problem,
      List<Templater.Unresolved> unresolved,
      SourceMap sources,
      PositionMap positions,
      Optional<YamlDocument> document) {
    Result {
      findings = List.copyOf(findings);
      unresolved = List.copyOf(unresolved);
    }

    /** A finding about a model path of this config, located in the user's text. */
    Finding locate(Finding finding) {
      Finding located = sources.locate(finding);
      return located.at(positions.toSource(located.position().orElse(Position.START)));
    }
  }

  private CloudConfigAnalysis() {}

  static Result analyze(byte[] bytes, Optional<Metadata> metadata, String label) {
    String text;
    try {
      text = YamlParser.decodeUtf8(bytes);
    } catch (CharacterCodingException e) {
      return unreadable(bytes, label);
    }
    Templater.Result templated =
        metadata.isPresent()
            ? Templater.substitute(text, metadata.get(), Map.of())
            : Templater.Result.unchanged(text);
    PositionMap positions = PositionMap.of(text, templated);
    YamlDocument document = YamlParser.parse(templated.text());
    BindResult bound = ConfigBinder.bind(document);
    List<Finding> findings =
        new ArrayList<>(
            document.problems().isEmpty()
                ? bound.findings()
                : SyntaxHints.explain(
                    bound.findings(),
                    templated.text(),
                    SyntaxRecovery.from(templated.text(), document.problems().get(0))));
    List<Rejection> rejections = new ArrayList<>(bound.rejections());
    if (document.problems().isEmpty()) {
      RuleContext context =
          new RuleContext(
              bound.config(),
              bound.sources(),
              templated.text(),
              metadata,
              positions.substitutions());
      for (Rule rule : Rules.all()) {
        rule.check(
            context,
            f -> {
              Finding located = bound.sources().locate(f);
              findings.add(located);
              if (f.severity() == Severity.ERROR) {
                rejections.add(
                    new Rejection(
                        f.path(),
                        located.path(),
                        located.position().orElse(Position.START),
                        located.message()));
              }
            });
      }
    }
    List<Finding> mapped = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      mapped.add(f.at(positions.toSource(f.position().orElse(Position.START))));
    }
    if (metadata.isPresent()) {
      // A value that was only an unresolved variable is now empty: the unresolved-variable error
      // says why, an incorrect-type warning about the empty value would only repeat it.
      Set<Integer> lines = new HashSet<>();
      templated.unresolved().forEach(u -> lines.add(u.line()));
      mapped.removeIf(
          f ->
              f.code() == Code.INCORRECT_TYPE
                  && lines.contains(f.position().orElse(Position.START).line()));
      mapped.addAll(Templating.unresolved(templated.unresolved()));
    }
    mapped.addAll(Templating.misspelled(text));
    mapped.sort(
        (a, b) ->
            a.position().orElse(Position.START).compareTo(b.position().orElse(Position.START)));
    if (!document.problems().isEmpty()) {
      mapped = SyntaxHints.capped(mapped);
    }
    Optional<String> problem = Optional.empty();
    Optional<CheckedConfig> config = Optional.empty();
    if (document.problems().isEmpty()) {
      List<Rejection> located = new ArrayList<>(rejections.size());
      for (Rejection r : rejections) {
        // The reason goes into plans, logs and the run report: no secret values.
        located.add(
            new Rejection(
                r.path(),
                r.display(),
                positions.toSource(r.position()),
                Redaction.message(r.reason(), r.display().segments())));
      }
      located.sort((a, b) -> a.position().compareTo(b.position()));
      config = Optional.of(new CheckedConfig(bound.config(), located));
    } else {
      YamlProblem p = document.problems().get(0);
      Position at = positions.toSource(p.position());
      problem =
          Optional.of(
              label
                  + " is not valid YAML (line "
                  + at.line()
                  + ", column "
                  + at.column()
                  + ": "
                  + p.message()
                  + "); only metadata is applied");
    }
    return new Result(
        config,
        mapped,
        problem,
        templated.unresolved(),
        bound.sources(),
        positions,
        templated.substitutions().isEmpty() ? Optional.of(document) : Optional.empty());
  }

  /** Text that is not UTF-8: reported at the first bad byte, as validate always did. */
  private static Result unreadable(byte[] bytes, String label) {
    YamlDocument failed = YamlParser.parse(bytes);
    YamlProblem p =
        failed.problems().isEmpty()
            ? new YamlProblem(Position.START, "invalid UTF-8 byte sequence")
            : failed.problems().get(0);
    Finding finding =
        Finding.error(Code.YAML_SYNTAX, ConfigPath.root(), p.message()).at(p.position());
    String problem =
        label
            + " is not valid UTF-8 (line "
            + p.position().line()
            + ", column "
            + p.position().column()
            + ": "
            + p.message()
            + "); only metadata is applied";
    String empty = "";
    return new Result(
        Optional.empty(),
        List.of(finding),
        Optional.of(problem),
        List.of(),
        ConfigBinder.bind(new YamlDocument(Optional.empty(), List.of(), List.of())).sources(),
        PositionMap.of(empty, Templater.Result.unchanged(empty)),
        Optional.empty());
  }
}
