package dev.kindling.plan;

import dev.kindling.config.CheckedConfig;
import dev.kindling.metadata.Metadata;
import dev.kindling.value.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * Everything the planner plans from: the user-data parts in order (one for plain cloud-config, none
 * for empty user data, several for multipart), the metadata and the run options.
 */
public record PlanInput(List<Part> parts, Metadata metadata, PlanOptions options) {
  public PlanInput {
    parts = List.copyOf(parts);
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(options, "options");
  }

  /** One user-data part, already templated. */
  public sealed interface Part permits ConfigPart, ScriptPart, RejectedPart {
    /** How reports name the part ({@code user-data}, {@code part 2 (x.yaml)}). */
    String label();
  }

  /** A cloud-config part, bound and checked by the analysis. */
  public record ConfigPart(String label, CheckedConfig config) implements Part {
    public ConfigPart {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(config, "config");
    }
  }

  /** A part the analysis rejected as a whole (a script that cannot run), and why. */
  public record RejectedPart(String label, String reason) implements Part {
    public RejectedPart {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * A {@code #!} script part (templated text); {@code oncePerInstance} for the MIME types {@code
   * text/x-shellscript-per-instance} and {@code -per-once}.
   */
  public record ScriptPart(String label, Bytes script, boolean oncePerInstance) implements Part {
    public ScriptPart {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(script, "script");
    }

    /** A script that runs at every boot. */
    public ScriptPart(String label, Bytes script) {
      this(label, script, false);
    }
  }
}
