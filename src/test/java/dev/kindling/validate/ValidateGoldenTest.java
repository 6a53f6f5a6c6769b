package dev.kindling.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.yaml.Position;
import dev.kindling.metadata.Metadata;
import dev.kindling.metadata.MetadataJson;
import dev.kindling.testing.GoldenCases;
import dev.kindling.value.OneLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The validator's specification by example. Each directory {@code
 * src/test/resources/validate/golden/<case>/} holds {@code user-data} (raw bytes, possibly gzip),
 * an optional {@code metadata.json} (the {@code --metadata} format of {@link MetadataJson}) and
 * {@code expected}: a first line {@code type: <kind>}, then one line per entry in document order,
 *
 * <pre>
 * LINE:COL SEVERITY CODE PATH | MESSAGE
 *   hint: HINT
 * </pre>
 *
 * where PATH is {@code -} for the document root and control characters in messages are escaped
 * ({@code \n}, {@code \t}, {@code \r}, {@code \\uXXXX}). The format is this test's own, independent
 * of the CLI printers.
 *
 * <p>Cloud-config cases start with {@code #cloud-config} and then a comment line saying what the
 * case proves. To add a case, create the directory with {@code user-data}, run {@code mvn -B -ntp
 * test -Dtest=ValidateGoldenTest -Dgolden.update=true} to write {@code expected}, and then review
 * the file line by line: the expected files are the specification, never bless output you have not
 * checked.
 */
class ValidateGoldenTest {
  private static final Path ROOT = Path.of("src", "test", "resources", "validate", "golden");

  /** Codes that belong to multipart MIME input, covered by that feature's own cases. */
  private static final Set<Code> NOT_COVERED_HERE =
      EnumSet.of(Code.MULTIPART, Code.UNSUPPORTED_PART, Code.SHADOWED_HOSTNAME);

  /**
   * Cases without the comment line: probe-a is, byte for byte, an input that was run through the
   * original's validator (so its lines match that output), and input-header-only is the header
   * alone.
   */
  private static final Set<String> NO_COMMENT = Set.of("probe-a", "input-header-only");

  static Stream<String> cases() throws IOException {
    return GoldenCases.names(ROOT);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validate_goldenCase_matchesExpected(String name) throws IOException {
    Path dir = ROOT.resolve(name);
    String actual = render(validate(dir));
    Path expected = dir.resolve("expected");
    if (GoldenCases.UPDATE) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).as(name).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }

  @Test
  void corpus_coversEveryCode() throws IOException {
    Set<Code> seen = EnumSet.noneOf(Code.class);
    for (String name : cases().toList()) {
      for (Entry e : validate(ROOT.resolve(name)).entries()) {
        seen.add(e.finding().code());
      }
    }
    Set<Code> missing = EnumSet.allOf(Code.class);
    missing.removeAll(seen);
    missing.removeAll(NOT_COVERED_HERE);
    assertThat(missing).as("codes without a golden case").isEmpty();
  }

  @Test
  void corpus_cloudConfigCases_sayWhatTheyProve() throws IOException {
    List<String> silent = new ArrayList<>();
    for (String name : cases().toList()) {
      byte[] raw = Files.readAllBytes(ROOT.resolve(name).resolve("user-data"));
      String[] lines = new String(raw, StandardCharsets.ISO_8859_1).split("\r?\n", -1);
      if (lines[0].equals("#cloud-config")
          && !NO_COMMENT.contains(name)
          && (lines.length < 2 || !lines[1].startsWith("# "))) {
        silent.add(name);
      }
    }
    assertThat(silent)
        .as("cases whose second line is not a \"# what it proves\" comment")
        .isEmpty();
  }

  @Test
  void corpus_hasAtLeastEightyCases() throws IOException {
    assertThat(cases().count()).isGreaterThanOrEqualTo(80);
  }

  private static FileReport validate(Path dir) throws IOException {
    byte[] userData = Files.readAllBytes(dir.resolve("user-data"));
    Path metadataFile = dir.resolve("metadata.json");
    Optional<Metadata> metadata =
        Files.exists(metadataFile)
            ? Optional.of(MetadataJson.read(Files.readAllBytes(metadataFile)))
            : Optional.empty();
    return Validator.validate("user-data", userData, metadata);
  }

  /** The canonical text of a report (see the class comment). */
  static String render(FileReport report) {
    StringBuilder out = new StringBuilder();
    out.append("type: ").append(report.type().label()).append('\n');
    for (Entry entry : report.entries()) {
      Finding f = entry.finding();
      Position p = f.position().orElseThrow(() -> new AssertionError("no position: " + f));
      String path = f.path().isRoot() ? "-" : f.path().toString();
      out.append(p.line())
          .append(':')
          .append(p.column())
          .append(' ')
          .append(f.severity().label())
          .append(' ')
          .append(f.code().id())
          .append(' ')
          .append(OneLine.escape(path))
          .append(" | ")
          .append(OneLine.escape(f.message()))
          .append('\n');
      f.hint().ifPresent(h -> out.append("  hint: ").append(OneLine.escape(h)).append('\n'));
    }
    return out.toString();
  }
}
