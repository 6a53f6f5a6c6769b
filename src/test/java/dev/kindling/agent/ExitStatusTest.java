package dev.kindling.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.apply.ApplyResult;
import dev.kindling.apply.StepOutcome;
import dev.kindling.apply.StepStatus;
import dev.kindling.metadata.Metadata;
import dev.kindling.plan.PlanOptions;
import dev.kindling.plan.SetHostname;
import dev.kindling.validate.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The exit status of every kind of outcome, for both launchers. */
class ExitStatusTest {
  private static Pipeline.Prepared prepared(String userData) {
    return Pipeline.prepare(
        "local-file",
        userData.getBytes(StandardCharsets.UTF_8),
        Metadata.empty(),
        Map.of(),
        PlanOptions.defaults("local-file"));
  }

  private static Acquired acquired(List<String> failures) {
    return new Acquired("local-file", Optional.empty(), Metadata.empty(), failures);
  }

  private static ApplyResult result(StepStatus status) {
    return new ApplyResult(
        List.of(
            new ApplyResult.Step(
                new SetHostname("n"),
                new StepOutcome(
                    status,
                    status.isFailure() ? Optional.of("why") : Optional.empty(),
                    List.of(),
                    OptionalInt.empty()),
                Duration.ZERO)));
  }

  private static int kindling(Outcome o) {
    return ExitStatus.of(o, Launcher.KINDLING);
  }

  private static int launcher(Outcome o) {
    return ExitStatus.of(o, Launcher.COREOS_CLOUDINIT);
  }

  @Test
  void everyOutcomeType_hasItsStatus() {
    Pipeline.Prepared clean = prepared("#cloud-config\nhostname: a\n");
    Pipeline.Prepared unusable = prepared("not cloud-config\n");
    List<Outcome> samples =
        List.of(
            new Outcome.Fetched(acquired(List.of())),
            new Outcome.Validated(
                acquired(List.of()),
                Validator.validate("user-data", new byte[0], Optional.empty())),
            new Outcome.Planned(clean, List.of()),
            new Outcome.Applied(clean, Optional.of(result(StepStatus.OK)), List.of(), false),
            new Outcome.NoDatasource("none"),
            new Outcome.DatasourceFailed("ec2-metadata", "failed"),
            new Outcome.UsageError("bad"),
            new Outcome.Failed("lock"));
    Set<Class<?>> covered = samples.stream().map(Object::getClass).collect(Collectors.toSet());
    assertThat(covered)
        .isEqualTo(Set.copyOf(Arrays.asList(Outcome.class.getPermittedSubclasses())));

    assertThat(samples.stream().map(ExitStatusTest::kindling).toList())
        .containsExactly(0, 0, 0, 0, 2, 1, 2, 1);
    assertThat(samples.stream().map(ExitStatusTest::launcher).toList())
        .containsExactly(0, 0, 0, 0, 1, 1, 2, 1);

    assertThat(kindling(new Outcome.Fetched(acquired(List.of("failed to fetch hostname")))))
        .isEqualTo(1);
    assertThat(kindling(new Outcome.Planned(clean, List.of("failed to fetch hostname"))))
        .isEqualTo(1);
    assertThat(kindling(new Outcome.Planned(unusable, List.of()))).isEqualTo(1);
    assertThat(
            kindling(
                new Outcome.Validated(
                    acquired(List.of()),
                    Validator.validate(
                        "user-data",
                        "#cloud-config\nbogus: 1\n".getBytes(StandardCharsets.UTF_8),
                        Optional.empty()))))
        .isEqualTo(1);
  }

  @Test
  void applied_failedStepOrSourceFailureOrUnusableUserData_is1_unlessIgnoredOrIgnition() {
    Pipeline.Prepared clean = prepared("#cloud-config\nhostname: a\n");
    Pipeline.Prepared unusable = prepared("not cloud-config\n");
    Pipeline.Prepared ignition = prepared("{\"ignition\": {\"version\": \"3.4.0\"}}");
    Optional<ApplyResult> ok = Optional.of(result(StepStatus.OK));
    Optional<ApplyResult> failed = Optional.of(result(StepStatus.FAILED));

    assertThat(kindling(new Outcome.Applied(clean, failed, List.of(), true))).isEqualTo(1);
    assertThat(kindling(new Outcome.Applied(clean, ok, List.of("failed: keys"), true)))
        .isEqualTo(1);
    assertThat(kindling(new Outcome.Applied(unusable, ok, List.of(), false))).isEqualTo(1);
    assertThat(kindling(new Outcome.Applied(unusable, ok, List.of(), true))).isZero();
    assertThat(kindling(new Outcome.Applied(ignition, Optional.empty(), List.of(), false)))
        .isZero();
    assertThat(launcher(new Outcome.Applied(unusable, ok, List.of(), false))).isEqualTo(1);
  }
}
