package dev.kindling.config.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlParserTest {
  private static YamlProblem onlyProblem(String yaml) {
    YamlDocument document = YamlParser.parse(yaml);
    assertThat(document.root()).isEmpty();
    assertThat(document.problems()).hasSize(1);
    return document.problems().get(0);
  }

  @Test
  void parse_nulByte_isReportedWhereItIs() {
    YamlProblem p = onlyProblem("#cloud-config\nhostname: core1\nusers:\n  - name: a\u0000b\n");
    assertThat(p.position()).isEqualTo(new Position(4, 12));
    assertThat(p.message()).contains("special characters are not allowed").contains("U+0000");
  }

  @Test
  void parse_nulByteAfterCrlfLines_countsColumnsInCodePoints() {
    YamlProblem p = onlyProblem("#cloud-config\r\nhostname: \"\u00e9\uD83D\uDE00\u0001\"\r\n");
    assertThat(p.position()).isEqualTo(new Position(2, 14));
  }

  @Test
  void parse_nestedTooDeeply_isReportedAtTheCollectionThatGoesTooDeep() {
    String deep = "[".repeat(YamlParser.MAX_DEPTH + 5) + "]".repeat(YamlParser.MAX_DEPTH + 5);
    YamlProblem p = onlyProblem("#cloud-config\nhostname: a\nx: " + deep + "\n");
    // x's value is the first collection; the root mapping is the second level.
    assertThat(p.position()).isEqualTo(new Position(3, 4 + YamlParser.MAX_DEPTH - 1));
    assertThat(p.message()).contains("nested more than " + YamlParser.MAX_DEPTH);
  }

  @Test
  void parse_tooManyAliasesToCollections_isReportedAtTheFirstAliasOverTheLimit() {
    StringBuilder yaml = new StringBuilder("#cloud-config\nbase: &b [1, 2]\nlist:\n");
    for (int i = 0; i <= YamlParser.MAX_ALIASES; i++) {
      yaml.append("  - *b\n");
    }
    YamlProblem p = onlyProblem(yaml.toString());
    assertThat(p.position()).isEqualTo(new Position(4 + YamlParser.MAX_ALIASES, 5));
    assertThat(p.message()).contains("more than " + YamlParser.MAX_ALIASES + " aliases");
  }

  @Test
  void parse_aliasesToAHugeScalar_stopAtTheAliasThatCrossesTheLimit() {
    int size = 1_000_000;
    StringBuilder yaml =
        new StringBuilder("#cloud-config\nx: &s \"").append("y".repeat(size)).append("\"\n");
    yaml.append("write_files:\n");
    for (int i = 0; i < 1000; i++) {
      yaml.append("- path: /etc/a").append(i).append("\n  content: *s\n");
    }
    YamlProblem p = onlyProblem(yaml.toString());
    long allowed = YamlParser.MAX_ALIAS_CHARS / size; // aliases that still fit
    int line = 3 + 2 * (int) (allowed + 1); // content line of the first alias over the limit
    assertThat(p.position()).isEqualTo(new Position(line, 12));
    assertThat(p.message()).contains("aliases").contains("characters");
  }

  @Test
  void parse_aliasesWithinTheLimits_shareTheAnchoredNode() {
    YamlDocument d =
        YamlParser.parse(
            "#cloud-config\nx: &s \"" + "y".repeat(100_000) + "\"\na: *s\nb: *s\nc: *s\n");
    assertThat(d.problems()).isEmpty();
    YamlMapping root = (YamlMapping) d.root().orElseThrow();
    List<YamlNode> values = root.entries().stream().map(YamlMapping.Entry::value).toList();
    assertThat(values).hasSize(4);
    assertThat(values.get(3)).isSameAs(values.get(0));
  }

  @Test
  void parse_aliasOfANestedAnchor_countsWhatTheAliasExpandsTo() {
    // Each level doubles the expansion: 2^20 copies of the anchored scalar.
    StringBuilder yaml = new StringBuilder("#cloud-config\na0: &a0 \"" + "z".repeat(64) + "\"\n");
    for (int i = 1; i <= 20; i++) {
      yaml.append("a").append(i).append(": &a").append(i);
      yaml.append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
    }
    YamlProblem p = onlyProblem(yaml.toString());
    assertThat(p.position().line()).isBetween(3, 23);
    assertThat(p.message()).contains("aliases");
  }

  @Test
  void parse_longSingleLineScalar_keepsItsTextAndEndPosition() {
    String content = "A".repeat(3 * 1024 * 1024);
    YamlDocument d = YamlParser.parse("#cloud-config\nk: " + content + "\nn: 1\n");
    assertThat(d.problems()).isEmpty();
    YamlMapping root = (YamlMapping) d.root().orElseThrow();
    YamlScalar value = (YamlScalar) root.entries().get(0).value();
    assertThat(value.text()).isEqualTo(content);
    assertThat(value.end()).isEqualTo(new Position(2, 4 + content.length()));
    assertThat(root.entries().get(1).key().position()).isEqualTo(new Position(3, 1));
  }

  @Test
  void parse_syntaxErrorAfterALongLine_keepsItsPosition() {
    YamlProblem p = onlyProblem("#cloud-config\nk: \"" + "q".repeat(5000) + "\"\n  bad: [\n");
    assertThat(p.position()).isEqualTo(new Position(3, 3));
  }
}
