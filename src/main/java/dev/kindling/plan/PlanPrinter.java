package dev.kindling.plan;

/**
 * Formats a plan as text (one line per action) or as JSON ({@code render --format json}, see
 * docs/cli.md). Never prints secrets: file contents appear as size and sha256 only.
 */
public final class PlanPrinter {
  private PlanPrinter() {}

  /**
   * Why every plan unmasks the runtime units of etcd, etcd2, fleet and locksmithd, even with no
   * user data: printed once, after the first of these steps a reader did not ask for.
   */
  static final String UNMASK_REASON =
      "  # every run unmasks these, as coreos-cloudinit does: a runtime mask would keep them from"
          + " starting";

  /**
   * The plan as text, one line per action ({@link Action#describe()}); the first of the unmask
   * steps every plan has carries the reason for them.
   */
  public static String text(Plan plan) {
    StringBuilder out = new StringBuilder();
    boolean explained = false;
    for (Action a : plan.actions()) {
      out.append(a.describe());
      if (a instanceof UnmaskUnit && !explained) {
        out.append(UNMASK_REASON);
        explained = true;
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** The plan as JSON: {@code {"actions": [...]}}. */
  public static String json(Plan plan) {
    return PlanJson.write(plan);
  }
}
