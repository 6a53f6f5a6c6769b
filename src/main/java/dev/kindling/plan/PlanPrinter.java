package dev.kindling.plan;

import dev.kindling.config.Finding;
import dev.kindling.config.Severity;
import dev.kindling.config.yaml.Position;
import dev.kindling.value.Ansi;
import dev.kindling.value.OneLine;
import dev.kindling.value.Redaction;
import java.util.List;

/**
 * Formats a plan as text (one line per action), as JSON ({@code render --format json}, see
 * docs/cli.md) or as a Graphviz graph of its units ({@code render --format dot}). Never prints
 * secrets: file contents appear as size and sha256 only.
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
   * The plan as text, one line per action ({@link Action#describe()}, control characters from the
   * input escaped); the first of the unmask steps every plan has carries the reason for them.
   */
  public static String text(Plan plan) {
    return text(plan, false);
  }

  /**
   * The plan as text; {@code color}: each action's verb in cyan, what is not applied in red, the
   * reasons dim.
   */
  public static String text(Plan plan, boolean color) {
    StringBuilder out = new StringBuilder();
    boolean explained = false;
    for (Action a : plan.actions()) {
      out.append(verbPainted(OneLine.escape(a.describe()), color));
      if (a instanceof UnmaskUnit && !explained) {
        out.append(Ansi.DIM.paint(UNMASK_REASON, color));
        explained = true;
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String verbPainted(String line, boolean color) {
    if (!color) {
      return line;
    }
    if (line.startsWith(RejectedItem.PREFIX)) {
      return Ansi.RED.paint(RejectedItem.PREFIX, true)
          + line.substring(RejectedItem.PREFIX.length());
    }
    int space = line.indexOf(' ');
    return space <= 0
        ? Ansi.CYAN.paint(line, true)
        : Ansi.CYAN.paint(line.substring(0, space), true) + line.substring(space);
  }

  /** The plan's units, drop-ins and their dependencies as a Graphviz graph. */
  public static String dot(Plan plan) {
    return PlanDot.write(plan);
  }

  /** The plan as JSON: {@code {"actions": [...]}}. */
  public static String json(Plan plan) {
    return PlanJson.write(plan);
  }

  /**
   * The plan as {@code render --format json} prints it: {@code actions}, then {@code datasource},
   * {@code exitStatus} and the user data's {@code findings}.
   */
  public static String json(Plan plan, String datasource, List<Finding> findings, int exitStatus) {
    return PlanJson.write(plan, datasource, findings, exitStatus);
  }

  /**
   * The findings with severity error, as text after a plan: why the plan leaves something out
   * ({@code user-data:2:22: error: MESSAGE [CODE]}); secret values redacted.
   */
  public static String errors(String file, List<Finding> findings) {
    StringBuilder out = new StringBuilder();
    for (Finding f : findings) {
      if (f.severity() != Severity.ERROR) {
        continue;
      }
      Position p = f.position().orElse(Position.START);
      out.append(file)
          .append(':')
          .append(p.line())
          .append(':')
          .append(p.column())
          .append(": error: ")
          .append(OneLine.escape(Redaction.message(f.message(), f.path().segments())))
          .append(" [")
          .append(f.code().id())
          .append("]\n");
    }
    return out.toString();
  }
}
