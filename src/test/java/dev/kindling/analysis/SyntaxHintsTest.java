package dev.kindling.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.config.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The usual causes of YAML syntax errors, each where it is, several at once. */
class SyntaxHintsTest {
  private static List<String> causes(String text) {
    return SyntaxHints.causes(text).stream().map(SyntaxHintsTest::line).toList();
  }

  private static String line(Finding f) {
    return f.position().get().line() + ":" + f.position().get().column() + " " + f.message();
  }

  @Test
  void everyIndependentCause_whereItIs() {
    assertThat(
            causes(
                "#cloud-config\n"
                    + "hostname:node1\n"
                    + "users:\n"
                    + "  - name: a\n"
                    + "   groups: [x, y\n"
                    + "write_files:\n"
                    + "  - path: \"/etc/x\n"
                    + "\tcontent: hi\n"))
        .containsExactly(
            "2:9 no space after the colon of \"hostname\": the line is one string",
            "5:4 this key is indented 3 spaces; the keys of the list item above start after 4",
            "5:12 the \"[\" opened here is not closed",
            "7:11 the double quote opened here is not closed",
            "8:1 a tab in the indentation");
  }

  @Test
  void validYaml_noCause() {
    assertThat(
            causes(
                "#cloud-config\n"
                    + "hostname: node1 # a comment with a [ and a \"\n"
                    + "ssh_authorized_keys: [\"ssh-ed25519 AAAA\", 'it''s']\n"
                    + "coreos:\n"
                    + "  etcd2:\n"
                    + "    discovery: https://discovery.etcd.io/x\n"
                    + "  units:\n"
                    + "    - name: a.service\n"
                    + "      content: |\n"
                    + "        [Unit]\n"
                    + "          Description=\"unbalanced\n"
                    + "        \tTabbed=after the spaces of the block\n"
                    + "    - name: b.service\n"
                    + "      command: start\n"
                    + "write_files:\n"
                    + "  - path: /etc/x\n"
                    + "    content: {a: 1,\n"
                    + "      b: 2}\n"))
        .isEmpty();
  }

  @Test
  void parserErrorBeforeAnyCause_keptWithAHint() {
    Finding parser =
        Finding.error(
                dev.kindling.config.Code.YAML_SYNTAX,
                dev.kindling.config.yaml.ConfigPath.root(),
                "mapping values are not allowed here")
            .at(new dev.kindling.config.yaml.Position(2, 12));

    List<Finding> out =
        SyntaxHints.explain(List.of(parser), "#cloud-config\nhostname: a: b\n", List.of());

    assertThat(out).hasSize(1);
    assertThat(out.get(0).hint().get()).startsWith("check the indentation");
  }
}
