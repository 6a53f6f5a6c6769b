package dev.kindling.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.metadata.Metadata;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The template step of the analysis: unresolved variables, and positions in the user's text. */
class TemplatingTest {
  private static final String YAML =
      "#cloud-config\n"
          + "coreos:\n"
          + "  fleet:\n"
          + "    public_ip: $public_ipv4\n"
          + "    metadata: ip=$private_ipv4,x=\\$public_ipv4\n";

  private static Metadata privateOnly() {
    return new Metadata(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of("10.0.0.5"),
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        Optional.empty());
  }

  private static List<String> findings(String yaml, Optional<Metadata> metadata, Code code) {
    return Analyzer.analyze(yaml.getBytes(StandardCharsets.UTF_8), metadata)
        .parts()
        .get(0)
        .findings()
        .stream()
        .filter(f -> f.code() == code)
        .map(TemplatingTest::describe)
        .toList();
  }

  private static String describe(Finding f) {
    return f.position().orElseThrow() + " " + f.severity().label() + " " + f.message();
  }

  @Test
  void analyze_withMetadata_reportsEachUnresolvedAtItsPosition() {
    assertThat(findings(YAML, Optional.of(privateOnly()), Code.UNRESOLVED_VARIABLE))
        .containsExactly("4:16 error $public_ipv4 has no value: the metadata has no publicIPv4");
  }

  @Test
  void analyze_withoutMetadata_leavesVariablesAlone() {
    assertThat(findings(YAML, Optional.empty(), Code.UNRESOLVED_VARIABLE)).isEmpty();
  }

  @Test
  void analyze_findingAfterASubstitution_pointsIntoTheUsersText() {
    String yaml =
        "#cloud-config\n"
            + "write_files:\n"
            + "  - path: /etc/$private_ipv4/x\n"
            + "    permissions: $private_ipv4 bogus: 1\n";
    // templated: "permissions: 10.0.0.5 bogus: 1" is a syntax error after the value; its column
    // in the user's text is 9 characters further right ("$private_ipv4" is 13, "10.0.0.5" is 8).
    List<String> templated = findings(yaml, Optional.of(privateOnly()), Code.YAML_SYNTAX);
    List<String> raw = findings(yaml, Optional.empty(), Code.YAML_SYNTAX);
    assertThat(templated).hasSize(1);
    assertThat(templated).isEqualTo(raw);
  }

  @Test
  void analyze_invalidValueInsideASubstitution_pointsAtTheVariable() {
    String yaml = "#cloud-config\ncoreos:\n  update:\n    reboot_strategy: x$private_ipv4\n";
    assertThat(findings(yaml, Optional.of(privateOnly()), Code.INVALID_VALUE))
        .containsExactly("4:22 error invalid value x10.0.0.5");
  }

  @Test
  void metadataField_namesTheJsonField() {
    assertThat(Templating.metadataField("private_ipv6")).isEqualTo("privateIPv6");
  }
}
