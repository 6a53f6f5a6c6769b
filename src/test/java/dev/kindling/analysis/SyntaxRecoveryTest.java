package dev.kindling.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.yaml.Position;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyntaxRecoveryTest {
  private static List<Finding> syntax(String text) {
    return CloudConfigAnalysis.analyze(
            text.getBytes(StandardCharsets.UTF_8), Optional.empty(), "user data")
        .findings()
        .stream()
        .filter(f -> f.code() == Code.YAML_SYNTAX)
        .toList();
  }

  @Test
  void errorsInTwoTopLevelEntries_bothReportedAtTheirPositions() {
    List<Finding> found =
        syntax("#cloud-config\nhostname: a: b\nusers:\n  - name: x\nssh_authorized_keys: *k\n");

    assertThat(found)
        .extracting(f -> f.position().get())
        .containsExactly(new Position(2, 12), new Position(5, 22));
  }

  @Test
  void aliasToAnAnchorBeforeTheError_isNotAnError() {
    List<Finding> found = syntax("#cloud-config\ngroups: &g [a]\nhostname: a: b\nother: *g\n");

    assertThat(found).extracting(f -> f.position().get()).containsExactly(new Position(3, 12));
  }

  @Test
  void errorsInLaterDocuments_areNotRead() {
    List<Finding> found = syntax("#cloud-config\nhostname: a: b\n---\nother: c: d\n");

    assertThat(found).hasSize(1);
  }

  @Test
  void hundredThousandBrokenLines_cappedWithOneLineSayingSo() {
    StringBuilder text = new StringBuilder("#cloud-config\n");
    for (int i = 0; i < 100_000; i++) {
      text.append("key").append(i).append(": a: b\n");
    }

    List<Finding> found = syntax(text.toString());

    assertThat(found).hasSize(SyntaxRecovery.MAX + 1);
    assertThat(found.get(SyntaxRecovery.MAX).message())
        .isEqualTo("... more syntax errors not shown (only the first 20 are listed)");
    assertThat(found.get(SyntaxRecovery.MAX - 1).position()).contains(new Position(21, 9));
  }

  @Test
  void hundredThousandTabIndentedLines_capped() {
    StringBuilder text = new StringBuilder("#cloud-config\nwrite_files:\n");
    for (int i = 0; i < 100_000; i++) {
      text.append("\t- path: /a").append(i).append('\n');
    }

    List<Finding> found = syntax(text.toString());

    assertThat(found).hasSize(SyntaxRecovery.MAX + 1);
    assertThat(found.get(0).message()).isEqualTo("a tab in the indentation");
    assertThat(found.get(SyntaxRecovery.MAX).message()).startsWith("... more syntax errors");
  }
}
