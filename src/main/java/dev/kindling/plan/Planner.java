package dev.kindling.plan;

import java.util.List;

/**
 * Plans the effects of user data and metadata (reference §7): a pure function, no I/O. (Placeholder
 * body; the plan/apply issue fills it in.)
 */
public final class Planner {
  private Planner() {}

  /** The plan for {@code input}. */
  public static Plan plan(PlanInput input) {
    return new Plan(List.of());
  }
}
