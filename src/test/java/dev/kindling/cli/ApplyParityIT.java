package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.apply.Applier;
import dev.kindling.apply.ApplyResult;
import dev.kindling.apply.OwnerPolicy;
import dev.kindling.apply.RecordingProcessRunner;
import dev.kindling.apply.RootFs;
import dev.kindling.apply.systemd.RecordingSystemdManager;
import dev.kindling.config.Severity;
import dev.kindling.metadata.Metadata;
import dev.kindling.metadata.MetadataJson;
import dev.kindling.plan.PlanOptions;
import dev.kindling.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One model for validate and run: every sample and every validate golden case that the validator
 * accepts without errors is planned and applied (as {@code render --root} does: commands and
 * systemd recorded) on a temporary root of the real file system, without a failed step.
 */
class ApplyParityIT {
  private static final Path SAMPLES = Path.of("samples/cloud-config");
  private static final Path VALIDATE_GOLDEN = Path.of("src/test/resources/validate/golden");

  @TempDir Path tmp;

  static Stream<String> inputs() throws IOException {
    List<String> all = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(SAMPLES)) {
      walk.filter(Files::isRegularFile).sorted().forEach(p -> all.add(p.toString()));
    }
    try (Stream<Path> walk = Files.walk(VALIDATE_GOLDEN)) {
      walk.filter(p -> p.getFileName().toString().equals("user-data"))
          .sorted()
          .forEach(p -> all.add(p.toString()));
    }
    return all.stream();
  }

  /** Accepted inputs: validated with their metadata.json when there is one. */
  private static Optional<Metadata> metadata(Path input) throws IOException {
    Path file = input.resolveSibling("metadata.json");
    return Files.exists(file)
        ? Optional.of(MetadataJson.read(Files.readAllBytes(file)))
        : Optional.empty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void acceptedByValidate_appliesWithoutAFailedStep(String name) throws IOException {
    Path input = Path.of(name);
    byte[] data = Files.readAllBytes(input);
    Optional<Metadata> metadata = metadata(input);
    if (Validator.validate(name, data, metadata).count(Severity.ERROR) > 0) {
      return; // not accepted: validate and run agree that it is broken
    }
    Pipeline.Prepared prepared =
        Pipeline.prepare(
            "local-file",
            data,
            metadata.orElse(Metadata.empty()),
            Map.of(),
            PlanOptions.defaults("local-file"));
    assertThat(prepared.inputProblems()).as("input problems").isEmpty();

    RootFs fs = new RootFs(Files.createDirectories(tmp.resolve("root")), OwnerPolicy.RECORD);
    RecordingSystemdManager systemd = new RecordingSystemdManager();
    ApplyResult result =
        new Applier(
                fs,
                systemd,
                new RecordingProcessRunner(),
                Optional.empty(),
                Applier.Settings.defaults(fs, systemd))
            .apply(prepared.plan());

    assertThat(result.steps())
        .allSatisfy(
            s ->
                assertThat(s.outcome().status().isFailure())
                    .as("%s: %s", s.action().describe(), s.outcome().error().orElse(""))
                    .isFalse());
  }

  @Test
  void inputs_includeSamplesAndGoldenCasesThatValidateAccepts() throws IOException {
    long accepted = 0;
    for (String name : inputs().toList()) {
      Path input = Path.of(name);
      if (Validator.validate(name, Files.readAllBytes(input), metadata(input)).count(Severity.ERROR)
          == 0) {
        accepted++;
      }
    }
    assertThat(accepted).as("accepted inputs").isGreaterThan(60);
  }
}
