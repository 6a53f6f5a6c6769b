package dev.kindling.analysis.rules;

import dev.kindling.config.Finding;
import java.util.function.Consumer;

/** One check over a bound cloud-config; reports findings against model paths. */
public interface Rule {
  /** Checks the config in {@code context}, reporting each finding to {@code out}. */
  void check(RuleContext context, Consumer<Finding> out);
}
