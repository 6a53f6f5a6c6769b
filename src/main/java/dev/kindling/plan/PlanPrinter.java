package dev.kindling.plan;

/**
 * Formats a plan as text (one line per action), as JSON ({@code render --format json}, see
 * docs/cli.md) or as a Graphviz graph of its units ({@code render --format dot}). Never prints
 * secrets: file contents appear as size and sha256 only.
 */
public final class PlanPrinter {
  private PlanPrinter() {}

  /** The plan as text, one line per action ({@link Action#describe()}). */
  public static String text(Plan plan) {
    StringBuilder out = new StringBuilder();
    for (Action a : plan.actions()) {
      out.append(a.describe()).append('\n');
    }
    return out.toString();
  }

  /** The plan's units, drop-ins and their dependencies as a Graphviz graph. */
  public static String dot(Plan plan) {
    return PlanDot.write(plan);
  }

  /** The plan as JSON: {@code {"actions": [...]}}. */
  public static String json(Plan plan) {
    return PlanJson.write(plan);
  }
}
