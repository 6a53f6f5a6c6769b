package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.agent.Pipeline;
import dev.kindling.apply.ApplyResult;
import dev.kindling.config.Severity;
import dev.kindling.metadata.Metadata;
import dev.kindling.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
  @TempDir Path tmp;

  static Stream<String> inputs() throws IOException {
    return ParityInputs.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void acceptedByValidate_appliesWithoutAFailedStep(String name) throws IOException {
    Path input = Path.of(name);
    byte[] data = Files.readAllBytes(input);
    Optional<Metadata> metadata = ParityInputs.metadata(input);
    if (Validator.validate(name, data, metadata).count(Severity.ERROR) > 0) {
      return; // not accepted: validate and run agree that it is broken
    }
    Pipeline.Prepared prepared = ParityInputs.prepare(data, metadata.orElse(Metadata.empty()));
    assertThat(prepared.inputProblems()).as("input problems").isEmpty();

    ApplyResult result = ParityInputs.apply(prepared, tmp.resolve("root"));

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
      if (Validator.validate(name, Files.readAllBytes(input), ParityInputs.metadata(input))
              .count(Severity.ERROR)
          == 0) {
        accepted++;
      }
    }
    assertThat(accepted).as("accepted inputs").isGreaterThan(60);
  }
}
