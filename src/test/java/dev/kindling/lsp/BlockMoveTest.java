package dev.kindling.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlockMoveTest {
  private static String move(String text, int line, List<String> target) {
    YamlOutline outline = YamlOutline.of(new TextDocument("u", 1, text));
    return LspSession.apply(text, BlockMove.edits(outline, line, target).orElseThrow());
  }

  @Test
  void topLevelKey_intoAnExistingMapping_atItsIndentation() {
    assertThat(
            move(
                "#cloud-config\ncoreos:\n    update:\n        group: g\nunits:\n- name: a\n  command: start\n",
                4,
                List.of("coreos", "units")))
        .isEqualTo(
            "#cloud-config\ncoreos:\n    units:\n    - name: a\n      command: start\n    update:\n        group: g\n");
  }

  @Test
  void missingMappings_areCreated() {
    assertThat(
            move(
                "#cloud-config\nhostname: h\nreboot_strategy: \"off\"\n",
                2,
                List.of("coreos", "update", "reboot_strategy")))
        .isEqualTo(
            "#cloud-config\nhostname: h\ncoreos:\n  update:\n    reboot_strategy: \"off\"\n");
  }

  @Test
  void nestedKey_toTheTopLevel_goesBeforeItsTopLevelEntry() {
    assertThat(
            move(
                "#cloud-config\ncoreos:\n  hostname: h\n  update:\n    group: g\n",
                2,
                List.of("hostname")))
        .isEqualTo("#cloud-config\nhostname: h\ncoreos:\n  update:\n    group: g\n");
  }

  @Test
  void lastLineWithoutLineBreak_andBlockScalarsKeepTheirShape() {
    assertThat(
            move(
                "#cloud-config\ncoreos:\n  write_files:\n    - path: /a\n      content: |\n        x\n         y",
                2,
                List.of("write_files")))
        .isEqualTo(
            "#cloud-config\nwrite_files:\n  - path: /a\n    content: |\n      x\n       y\ncoreos:");
  }

  @Test
  void aKeyInsideASequenceEntryLine_isNotMoved() {
    YamlOutline outline = YamlOutline.of(new TextDocument("u", 1, "users:\n  - units: x\n"));
    assertThat(BlockMove.edits(outline, 1, List.of("coreos", "units"))).isEmpty();
  }
}
