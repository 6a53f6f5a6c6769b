package dev.kindling.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.metadata.Metadata;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostnameRuleTest {
  @ParameterizedTest
  @ValueSource(strings = {"core1", "core-01.example.com", "a", "123", "x.y-z.io"})
  void problem_validHostnames_isEmpty(String hostname) {
    assertThat(HostnameRule.problem(hostname)).isEmpty();
  }

  @Test
  void problem_invalidHostnames_explain() {
    assertThat(HostnameRule.problem("a_b")).contains("\"_\" is not allowed");
    assertThat(HostnameRule.problem("a b")).contains("a space is not allowed");
    assertThat(HostnameRule.problem("a\u0001")).contains("character U+0001 is not allowed");
    assertThat(HostnameRule.problem("a".repeat(64)))
        .contains("a label is longer than 63 characters");
    assertThat(HostnameRule.problem("a".repeat(65))).contains("it is longer than 64 characters");
    assertThat(HostnameRule.problem("-a.b")).contains("label \"-a\" starts or ends with \"-\"");
    assertThat(HostnameRule.problem("a..b"))
        .contains("it has an empty label (two dots, or a leading dot)");
    assertThat(HostnameRule.problem("a.b.")).contains("it ends with a dot");
    assertThat(HostnameRule.problem("héllo")).contains("\"é\" is not allowed");
  }

  @Test
  void check_invalid_warnsAtValue() {
    assertThat(RuleHarness.check(new HostnameRule(), "#cloud-config\nhostname: my_host\n"))
        .containsExactly(
            "2:11 warning hostname hostname: hostname \"my_host\" is not valid: \"_\" is not"
                + " allowed | a hostname is letters, digits and \"-\" in dot-separated labels of at"
                + " most 63 characters, 64 in all; hostnamectl would set a cleaned-up name"
                + " instead");
  }

  @Test
  void check_variables_areSubstitutedFirst() {
    assertThat(RuleHarness.check(new HostnameRule(), "#cloud-config\nhostname: n-$private_ipv4\n"))
        .isEmpty();
    Metadata metadata =
        new Metadata(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("fd00::1"),
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            Optional.empty());
    assertThat(
            RuleHarness.check(
                new HostnameRule(), "#cloud-config\nhostname: n-$private_ipv4\n", metadata))
        .singleElement()
        .asString()
        .contains("hostname \"n-fd00::1\" is not valid: \":\" is not allowed (after substituting");
  }
}
