package dev.kindling.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.lsp4j.Position;
import org.junit.jupiter.api.Test;

class TextDocumentTest {
  @Test
  void lines_endAtLfCrlfAndCr() {
    TextDocument d = new TextDocument("u", 1, "a\r\nbc\rd\ne");
    assertThat(d.lineCount()).isEqualTo(4);
    assertThat(d.line(0)).isEqualTo("a");
    assertThat(d.line(1)).isEqualTo("bc");
    assertThat(d.line(2)).isEqualTo("d");
    assertThat(d.line(3)).isEqualTo("e");
    assertThat(d.position(4)).isEqualTo(new Position(1, 1));
    assertThat(d.offset(new Position(1, 1))).isEqualTo(4);
  }

  @Test
  void offset_clampsPastTheLineAndPastTheEnd() {
    TextDocument d = new TextDocument("u", 1, "ab\ncd\n");
    assertThat(d.offset(new Position(0, 99))).isEqualTo(2);
    assertThat(d.offset(new Position(9, 0))).isEqualTo(6);
    assertThat(d.position(99)).isEqualTo(new Position(2, 0));
  }

  @Test
  void yamlColumns_countCodePoints_lspCharactersCountUtf16() {
    TextDocument d = new TextDocument("u", 1, "#cloud-config\n{k: \"\uD83D\uDE00\", b: 1}\n");
    // SnakeYAML puts b at column 10 (1-based, code points); its UTF-16 character is 10 (0-based)
    int offset = d.offsetOfYaml(2, 10);
    assertThat(d.position(offset)).isEqualTo(new Position(1, 10));
    assertThat(d.text().charAt(offset)).isEqualTo('b');
  }

  @Test
  void yamlLines_alsoEndAtNelAndLineSeparators() {
    TextDocument d = new TextDocument("u", 1, "a: \"x\u2028y\"\nb: 1\n");
    // YAML counts the U+2028 inside the string as a line break: b is on YAML line 3
    assertThat(d.position(d.offsetOfYaml(3, 1))).isEqualTo(new Position(1, 0));
    assertThat(d.position(d.offsetOfYaml(99, 1))).isEqualTo(new Position(2, 0));
  }
}
