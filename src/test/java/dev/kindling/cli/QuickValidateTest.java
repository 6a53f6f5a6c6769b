package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The picocli-free parse of common {@code validate} command lines gives the command exactly the
 * option values picocli gives it, for every option the command has (a new option, or a default that
 * only picocli applies, shows up here), and everything else goes to picocli.
 */
class QuickValidateTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "a.yaml",
        "a.yaml b.yaml dir",
        "-",
        "--strict a.yaml",
        "a.yaml --strict",
        "--format json a.yaml",
        "--format=sarif a.yaml",
        "--format JSON a.yaml",
        "--format text --strict --metadata md.json a.yaml -",
        "--metadata=md.json a.yaml",
        "-- --strict a.yaml",
        "a.yaml -- -",
        "--strict -- --format",
        "x=y.yaml",
      })
  void accepted_sameValuesAsPicocli(String line) throws Exception {
    String[] args = line.split(" ", -1);
    Optional<ValidateCommand> quick = QuickValidate.parse(args);
    assertThat(quick).as("parsed without picocli: %s", line).isPresent();
    ValidateCommand picocli = new ValidateCommand();
    new CommandLine(picocli).parseArgs(args);
    assertThat(options(quick.get())).isEqualTo(options(picocli));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "--help",
        "-h",
        "--version",
        "--strict",
        "--format yaml a.yaml",
        "--format",
        "--format= a.yaml",
        "--format json --format text a.yaml",
        "--strict --strict a.yaml",
        "--metadata a.yaml",
        "--metadata= a.yaml",
        "--metadata --strict a.yaml",
        "--unknown a.yaml",
        "-x a.yaml",
        "@args.txt",
        "--metadata @md a.yaml",
        "--strict=true a.yaml",
      })
  void others_goThroughPicocli(String line) {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ", -1);
    assertThat(QuickValidate.parse(args)).as("left to picocli: %s", line).isEmpty();
  }

  /** Every @Option and @Parameters field of the command, by name. */
  private static Map<String, Object> options(ValidateCommand command) throws Exception {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Field f : ValidateCommand.class.getDeclaredFields()) {
      if (f.isAnnotationPresent(Option.class) || f.isAnnotationPresent(Parameters.class)) {
        f.setAccessible(true);
        Object v = f.get(command);
        values.put(f.getName(), v instanceof List<?> l ? List.copyOf(l) : v);
      }
    }
    assertThat(values).containsKeys("format", "strict", "metadataFile", "paths");
    return values;
  }
}
