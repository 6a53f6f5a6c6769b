package dev.kindling.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target: the systemd unit file (INI) reader. Whatever the content, it returns sections and
 * problems with line numbers inside the content, and never throws. The corpus in {@code
 * UnitFileFuzzTestInputs/parse/} runs in every build.
 */
class UnitFileFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void parse(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);

    UnitFile unit = UnitFile.parse(text);

    int lines = text.split("\n", -1).length;
    for (UnitFile.Section s : unit.sections()) {
      assertThat(s.line()).isBetween(1, lines);
      for (UnitFile.Setting setting : s.settings()) {
        assertThat(setting.line()).isBetween(1, lines);
      }
    }
    for (UnitFile.Problem p : unit.problems()) {
      assertThat(p.line()).isBetween(1, lines);
    }
  }
}
