package dev.kindling.analysis.rules;

import dev.kindling.analysis.PositionMap;
import dev.kindling.config.Finding;
import dev.kindling.config.bind.BindResult;
import dev.kindling.config.bind.ConfigBinder;
import dev.kindling.config.yaml.YamlParser;
import dev.kindling.metadata.Metadata;
import dev.kindling.metadata.Templater;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one rule over a YAML text the way the analysis does (templated with the metadata, when
 * given), and describes its findings.
 */
final class RuleHarness {
  private RuleHarness() {}

  /** The located findings of {@code rule} on {@code yaml}, in document order. */
  static List<Finding> findings(Rule rule, String yaml, Optional<Metadata> metadata) {
    Templater.Result templated =
        metadata.isPresent()
            ? Templater.substitute(yaml, metadata.get(), Map.of())
            : Templater.Result.unchanged(yaml);
    PositionMap positions = PositionMap.of(yaml, templated);
    BindResult bound = ConfigBinder.bind(YamlParser.parse(templated.text()));
    RuleContext context =
        new RuleContext(
            bound.config(), bound.sources(), templated.text(), metadata, positions.substitutions());
    List<Finding> out = new ArrayList<>();
    rule.check(
        context,
        f -> {
          Finding located = bound.sources().locate(f);
          out.add(located.at(positions.toSource(located.position().orElseThrow())));
        });
    out.sort(Comparator.comparing(f -> f.position().orElseThrow()));
    return out;
  }

  /** {@code LINE:COL severity code path: message | hint} for each finding of the rule. */
  static List<String> check(Rule rule, String yaml) {
    return describe(findings(rule, yaml, Optional.empty()));
  }

  /** As {@link #check(Rule, String)}, with metadata. */
  static List<String> check(Rule rule, String yaml, Metadata metadata) {
    return describe(findings(rule, yaml, Optional.of(metadata)));
  }

  static List<String> describe(List<Finding> findings) {
    return findings.stream()
        .map(
            f ->
                f.position().orElseThrow()
                    + " "
                    + f.severity().label()
                    + " "
                    + f.code().id()
                    + " "
                    + f.path()
                    + ": "
                    + f.message()
                    + f.hint().map(h -> " | " + h).orElse(""))
        .toList();
  }
}
