package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.testing.GoldenCases;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code coreos-cloudinit -validate} reports what the original's validator reported: its rules,
 * messages, severities and exit status, at the true lines.
 *
 * <p>Three corpora: the samples ({@code samples/cloud-config}, expected in {@code
 * src/test/resources/compat/samples/<name>.expected}), and two of cases, each a directory with
 * {@code user-data}: {@code src/test/resources/compat/validate/<case>/expected} (one case per
 * message of the original and per kind of finding it did not have) and {@code
 * src/test/resources/validate/golden/<case>/coreos-cloudinit.expected} (the validator's own
 * corpus). An expected file holds the lines the launcher logs, without the log's timestamp, and
 * then {@code exit N}. Each expected file was written from the original's rules and messages as
 * docs/compatibility.md lists them, with the lines corrected; {@code -Dgolden.update=true} rewrites
 * them, and a rewritten file must be reviewed line by line before it is committed.
 */
class CoreosCloudinitValidateTest {
  private static final Path CASES = Path.of("src", "test", "resources", "compat", "validate");
  private static final Path CORPUS = Path.of("src", "test", "resources", "validate", "golden");
  private static final String CORPUS_EXPECTED = "coreos-cloudinit.expected";
  private static final Path SAMPLES = Path.of("samples", "cloud-config");
  private static final Path SAMPLES_EXPECTED =
      Path.of("src", "test", "resources", "compat", "samples");

  static Stream<String> cases() throws IOException {
    return GoldenCases.names(CASES);
  }

  static Stream<String> corpus() throws IOException {
    return GoldenCases.names(CORPUS);
  }

  /** The samples: the files under samples/cloud-config, relative to it. */
  static Stream<String> samples() throws IOException {
    try (Stream<Path> files = Files.walk(SAMPLES)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> SAMPLES.relativize(p).toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void validate_case_isTheOriginalsReport(String name) throws IOException {
    Path dir = CASES.resolve(name);
    GoldenCases.check(dir.resolve("expected"), launcher(dir.resolve("user-data"), Map.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void validate_corpus_isTheOriginalsReport(String name) throws IOException {
    Path dir = CORPUS.resolve(name);
    GoldenCases.check(dir.resolve(CORPUS_EXPECTED), launcher(dir.resolve("user-data"), Map.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void validate_sample_isTheOriginalsReport(String name) throws IOException {
    Path expected = SAMPLES_EXPECTED.resolve(name.replace('/', '_') + ".expected");
    GoldenCases.check(expected, launcher(SAMPLES.resolve(name), Map.of()));
  }

  @Test
  void validateAll_printsEveryKindlingFinding_sameFormat() throws IOException {
    Path data = CASES.resolve("only-dash-keys").resolve("user-data");

    String all = run(Map.of(), "-validate-all", "-from-file", data.toString());

    assertThat(all)
        .isEqualTo(
            "line 3: info: \"ssh-authorized-keys\" is read as \"ssh_authorized_keys\"\n"
                + "line 5: info: \"manage-etc-hosts\" is read as \"manage_etc_hosts\"\n"
                + "line 8: info: \"reboot-strategy\" is read as \"reboot_strategy\"\n"
                + "line 11: info: \"drop-ins\" is read as \"drop_ins\"\n"
                + "exit 1\n");
    assertThat(launcher(data, Map.of())).isEqualTo("exit 0\n");
  }

  @Test
  void validateAllEnvironment_turnsValidateIntoValidateAll() throws IOException {
    Path data = CASES.resolve("kindling-only-findings").resolve("user-data");
    String all = run(Map.of(), "-validate-all", "-from-file", data.toString());

    assertThat(launcher(data, Map.of("KINDLING_VALIDATE_ALL", "1"))).isEqualTo(all);
    assertThat(launcher(data, Map.of("KINDLING_VALIDATE_ALL", "0")))
        .isEqualTo(launcher(data, Map.of()));
    assertThat(all).contains("line 3: warning: ").endsWith("exit 1\n");
  }

  @Test
  void validate_logLines_carryGosTimestamp() throws IOException {
    Path data = CASES.resolve("unrecognized-key").resolve("user-data");
    StringWriter err = new StringWriter();

    CoreosCloudinitMain.run(
        new String[] {"-validate", "-from-file", data.toString()},
        new PrintWriter(new StringWriter(), true),
        new PrintWriter(err, true),
        Map.of());

    assertThat(err.toString())
        .startsWith("2")
        .matches("(?s)(\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d line \\d+: \\w+: [^\n]*\n)+");
  }

  @Test
  void corpora_areLargeAndEveryCorpusCaseHasTheOriginalsReport() throws IOException {
    List<String> missing = new ArrayList<>();
    for (String name : corpus().toList()) {
      if (!Files.exists(CORPUS.resolve(name).resolve(CORPUS_EXPECTED))) {
        missing.add(name);
      }
    }
    assertThat(missing).as("corpus cases without " + CORPUS_EXPECTED).isEmpty();
    assertThat(cases().count() + corpus().count()).isGreaterThanOrEqualTo(150);
  }

  /** {@code -validate -from-file FILE}: the logged lines without timestamps, then the status. */
  private static String launcher(Path userData, Map<String, String> env) {
    return run(env, "-validate", "-from-file", userData.toString());
  }

  private static String run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        CoreosCloudinitMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
    assertThat(out.toString()).as("standard output").isEmpty();
    String lines = err.toString().replaceAll("(?m)^\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d ", "");
    return lines + "exit " + status + "\n";
  }
}
