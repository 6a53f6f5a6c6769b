package dev.kindling.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.metadata.Metadata;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TemplateVariableRuleTest {
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

  @Test
  void check_withMetadata_reportsEachUnresolvedAtItsPosition() {
    assertThat(RuleHarness.check(new TemplateVariableRule(), YAML, privateOnly()))
        .containsExactly(
            "4:16 error unresolved-variable : $public_ipv4 has no value: the metadata has no"
                + " publicIPv4 | at run time it becomes \"\" unless COREOS_PUBLIC_IPV4 is set in the"
                + " environment; add publicIPv4 to the metadata, or write \\$public_ipv4 to keep"
                + " the text as is");
  }

  @Test
  void check_withoutMetadata_isQuiet() {
    assertThat(RuleHarness.check(new TemplateVariableRule(), YAML)).isEmpty();
  }

  @Test
  void metadataField_namesTheJsonField() {
    assertThat(TemplateVariableRule.metadataField("private_ipv6")).isEqualTo("privateIPv6");
  }
}
