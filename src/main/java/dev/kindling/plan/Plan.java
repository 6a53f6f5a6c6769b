package dev.kindling.plan;

import java.util.List;

/** The actions {@code run} performs, in order. A value: printing and applying it are separate. */
public record Plan(List<Action> actions) {
  public Plan {
    actions = List.copyOf(actions);
  }
}
