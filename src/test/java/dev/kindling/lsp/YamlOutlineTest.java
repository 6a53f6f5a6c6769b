package dev.kindling.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class YamlOutlineTest {
  private static YamlOutline outline(String text) {
    return YamlOutline.of(new TextDocument("u", 1, text));
  }

  @Test
  void parse_keysDashesValuesAndBlockScalars() {
    YamlOutline.Line entry = YamlOutline.parse("  - - name: \"a b\" # c");
    assertThat(entry.kind()).isEqualTo(YamlOutline.Kind.ENTRY);
    assertThat(entry.dashes()).containsExactly(2, 4);
    assertThat(entry.key()).isEqualTo("name");
    assertThat(entry.keyStart()).isEqualTo(6);
    assertThat(entry.keyEnd()).isEqualTo(10);
    assertThat(entry.valueStart()).isEqualTo(12);
    YamlOutline.Line quoted = YamlOutline.parse("'it''s': x");
    assertThat(quoted.key()).isEqualTo("it's");
    assertThat(quoted.keyEnd()).isEqualTo(7);
    assertThat(YamlOutline.parse("content: |-").blockScalar()).isTrue();
    assertThat(YamlOutline.parse("coreos: &base").opensBlock()).isTrue();
    assertThat(YamlOutline.parse("url: http://x:80/a").key()).isEqualTo("url");
    assertThat(YamlOutline.parse("- plain").kind()).isEqualTo(YamlOutline.Kind.ITEM);
    assertThat(YamlOutline.parse("  # note").kind()).isEqualTo(YamlOutline.Kind.COMMENT);
    assertThat(YamlOutline.parse("a #: b").kind()).isEqualTo(YamlOutline.Kind.OTHER);
  }

  @Test
  void entryPath_followsMappingsAndSequences() {
    YamlOutline o =
        outline(
            "#cloud-config\n"
                + "coreos:\n"
                + "  units:\n"
                + "    - name: a.service\n"
                + "      drop_ins:\n"
                + "      - name: 10.conf\n"
                + "        content: |\n"
                + "          [Service]\n"
                + "          Key: value\n"
                + "      command: start\n"
                + "users:\n"
                + "- name: core\n"
                + "  groups: [a]\n");
    assertThat(o.entryPath(3)).contains(List.of("coreos", "units", "[]", "name"));
    assertThat(o.entryPath(5)).contains(List.of("coreos", "units", "[]", "drop_ins", "[]", "name"));
    assertThat(o.line(8).kind()).as("block scalar content").isEqualTo(YamlOutline.Kind.CONTENT);
    assertThat(o.entryPath(9)).contains(List.of("coreos", "units", "[]", "command"));
    assertThat(o.entryPath(12)).contains(List.of("users", "[]", "groups"));
  }

  @Test
  void containerPath_isUnknownUnderAnInlineValue() {
    YamlOutline o = outline("hostname: a\n  b\n");
    assertThat(o.containerPath(1, 2)).isEqualTo(Optional.empty());
    assertThat(o.containerPath(1, 0)).contains(List.of());
  }

  @Test
  void siblingKeys_stopAtTheMappingsEdges() {
    YamlOutline o =
        outline(
            "users:\n  - name: a\n    passwd: x\n  - name: b\n    \n    shell: /bin/sh\nhostname: h\n");
    assertThat(o.siblingKeys(4, 4)).containsExactly("name", "shell");
    assertThat(o.siblingKeys(6, 0)).containsExactly("users");
  }

  @Test
  void blockEnd_coversNestedLinesAndAnIndentlessSequence() {
    YamlOutline o =
        outline(
            "units:\n- name: a\n  command: start\n\n# note\nhostname: h\ncoreos:\n  update:\n    group: g\n");
    assertThat(o.blockEnd(0)).isEqualTo(2);
    assertThat(o.blockEnd(5)).isEqualTo(5);
    assertThat(o.blockEnd(6)).isEqualTo(8);
  }

  @Test
  void paths_ofAHugeFlatDocument_areFoundLineAfterLine() {
    StringBuilder text = new StringBuilder("#cloud-config\nwrite_files:\n");
    for (int i = 0; i < 200_000; i++) {
      text.append("  - path: /etc/f").append(i).append("\n    permissions: \"0644\"\n");
    }
    YamlOutline o = outline(text.toString());
    // forward order, as the fixes ask: each line finds its sibling's answer
    for (int i = 0; i < o.size(); i++) {
      if (o.line(i).kind() == YamlOutline.Kind.ENTRY) {
        assertThat(o.entryPath(i)).isPresent();
      }
    }
    assertThat(o.entryPath(o.size() - 2)).contains(List.of("write_files", "[]", "permissions"));
  }
}
