package dev.kindling.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.config.bind.BindResult;
import dev.kindling.config.bind.ConfigBinder;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.config.yaml.Position;
import dev.kindling.config.yaml.YamlParser;
import org.junit.jupiter.api.Test;

class ContentLinesTest {
  private static final ConfigPath CONTENT = ConfigPath.of("coreos", "units", 0, "content");

  private static ContentLines lines(String yaml) {
    BindResult bound = ConfigBinder.bind(YamlParser.parse(yaml));
    return new ContentLines(bound.sources(), yaml);
  }

  @Test
  void position_literalScalar_isLineAfterIndicatorAtFirstNonBlank() {
    ContentLines lines =
        lines(
            "#cloud-config\n"
                + "coreos:\n"
                + "  units:\n"
                + "    - name: a.service\n"
                + "      content: |\n"
                + "        [Service]\n"
                + "\n"
                + "          \tX=1\n");
    assertThat(lines.isExact(CONTENT)).isTrue();
    assertThat(lines.position(CONTENT, 1)).contains(new Position(6, 9));
    assertThat(lines.position(CONTENT, 2)).contains(new Position(7, 1));
    assertThat(lines.position(CONTENT, 3)).contains(new Position(8, 12));
    assertThat(lines.position(CONTENT, 9)).isEmpty();
  }

  @Test
  void position_otherStyles_isEmpty() {
    ContentLines lines =
        lines(
            "#cloud-config\ncoreos:\n  units:\n    - name: a.service\n      content: >\n        x\n");
    assertThat(lines.isExact(CONTENT)).isFalse();
    assertThat(lines.position(CONTENT, 1)).isEmpty();
    assertThat(lines("#cloud-config\n").position(CONTENT, 1)).isEmpty();
  }
}
