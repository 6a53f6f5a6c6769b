package dev.kindling.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parsing include files: cloud-init's line rules, pins, and problems by line and column. */
class IncludeListTest {
  private static final String HEX = "ab".repeat(32);

  @Test
  void parse_urlsCommentsOnceModeAndPins() {
    IncludeList list =
        IncludeList.parse(
            "#include\n"
                + "https://a.example/one.yaml\n"
                + "\n"
                + "# a comment\n"
                + "  http://10.0.0.1:8080/two sha256="
                + HEX.toUpperCase(java.util.Locale.ROOT)
                + "\n"
                + "#include-once http://b.example/three\n"
                + "#include\n"
                + "http://b.example/four\n");

    assertThat(list.problems()).isEmpty();
    assertThat(list.entries())
        .containsExactly(
            new IncludeList.Entry("https://a.example/one.yaml", Optional.empty(), false, 2),
            new IncludeList.Entry("http://10.0.0.1:8080/two", Optional.of(HEX), false, 5),
            new IncludeList.Entry("http://b.example/three", Optional.empty(), true, 6),
            new IncludeList.Entry("http://b.example/four", Optional.empty(), false, 8));
  }

  @Test
  void parse_badLines_problemsAtLineAndColumnWithoutTheUrl() {
    IncludeList list =
        IncludeList.parse(
            "#include\n"
                + "ftp://a.example/x\n"
                + "https://b.example/y sha256=1234\n"
                + "https://c.example/z extra\n"
                + "https:///nohost\n"
                + "http://u:SECRET@d.example/ok\n");

    assertThat(list.entries()).extracting(IncludeList.Entry::line).containsExactly(6);
    assertThat(list.problems())
        .extracting(p -> p.line() + ":" + p.column() + " " + p.message())
        .containsExactly(
            "2:1 not an http:// or https:// URL; only those are fetched",
            "3:21 invalid pin: a SHA-256 is sha256= and 64 hex digits",
            "4:21 unexpected text after the URL",
            "5:1 the URL has no host");
  }

  @Test
  void parse_tooManyUrls_cappedWithAProblem() {
    StringBuilder text = new StringBuilder("#include\n");
    for (int i = 0; i <= IncludeList.MAX_ENTRIES; i++) {
      text.append("http://h.example/").append(i).append('\n');
    }
    IncludeList list = IncludeList.parse(text.toString());
    assertThat(list.entries()).hasSize(IncludeList.MAX_ENTRIES);
    assertThat(list.problems()).hasSize(1);
  }

  @Test
  void classify_includeFirstLineAndMimeType_areIncludes() {
    assertThat(UserData.classify("#include\nhttp://a/\n".getBytes(StandardCharsets.UTF_8)).kind())
        .isEqualTo(UserData.Kind.INCLUDE);
    assertThat(UserData.classify("#Include-Once\n".getBytes(StandardCharsets.UTF_8)).kind())
        .isEqualTo(UserData.Kind.INCLUDE);
    String mime =
        "Content-Type: multipart/mixed; boundary=B\n\n--B\nContent-Type: text/x-include-url\n\n"
            + "http://a.example/x\n--B--\n";
    UserData data = UserData.classify(mime.getBytes(StandardCharsets.UTF_8));
    assertThat(data.parts().get(0).content().kind()).isEqualTo(UserData.Kind.INCLUDE);
    assertThat(UserData.Kind.INCLUDE.label()).isEqualTo("include");
  }
}
