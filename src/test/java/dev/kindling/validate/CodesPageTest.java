package dev.kindling.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.config.Code;
import dev.kindling.config.CodeDocs;
import dev.kindling.testing.GeneratedFile;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/codes.md is generated from CodeDocs, documents every code, and its examples are true. */
class CodesPageTest {
  private static final Path COMMITTED = Path.of(CodeDocs.PAGE);

  /**
   * The "generated page is current" check. With {@code -Dcodes.update=true} it rewrites the
   * committed page instead of failing.
   */
  @Test
  void render_isTheCommittedPage() throws IOException {
    GeneratedFile.assertCurrent(
        COMMITTED,
        CodesPage.render(),
        "codes.update",
        "CodesPage from CodeDocs (and the validator's output for its examples)");
  }

  @Test
  void everyCode_isDocumented() {
    for (Code code : Code.values()) {
      assertThat(CodeDocs.documents(code))
          .as("code %s needs its entry in CodeDocs (meaning, example, fix)", code.id())
          .isTrue();
    }
  }

  @Test
  void everyExample_producesItsCode() {
    for (Code code : Code.values()) {
      FileReport report = CodesPage.report(CodeDocs.of(code));
      assertThat(report.entries())
          .as("the example of %s", code.id())
          .anySatisfy(e -> assertThat(e.finding().code()).isEqualTo(code));
    }
  }

  @Test
  void everyCode_hasASectionTheHelpUriPointsAt() {
    String page = CodesPage.render();
    for (Code code : Code.values()) {
      assertThat(page).contains("\n## " + code.id() + "\n");
      assertThat(CodeDocs.helpUri(code)).endsWith("/" + CodeDocs.PAGE + "#" + code.id());
    }
  }
}
