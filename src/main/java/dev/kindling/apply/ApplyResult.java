package dev.kindling.apply;

import dev.kindling.plan.Action;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What applying a plan did, one step per action in plan order. */
public record ApplyResult(List<Step> steps) {
  public ApplyResult {
    steps = List.copyOf(steps);
  }

  /**
   * One applied action.
   *
   * @param action the action (its {@code describe()} is what reports show)
   * @param outcome how it ended
   * @param duration how long it took
   */
  public record Step(Action action, StepOutcome outcome, Duration duration) {
    public Step {
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(duration, "duration");
    }
  }

  /** Whether any step failed or was rejected. */
  public boolean anyFailed() {
    return steps.stream().anyMatch(s -> s.outcome().status().isFailure());
  }

  /** How many steps ended with {@code status}. */
  public long count(StepStatus status) {
    return steps.stream().filter(s -> s.outcome().status() == status).count();
  }
}
