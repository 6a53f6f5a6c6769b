package dev.kindling.serve;

import dev.kindling.metadata.Metadata;

/**
 * Turns user data and metadata into the plan JSON of {@code kindling render --format json}. The
 * command line hands in the same code path {@code render} uses; it must write nothing and run
 * nothing.
 */
@FunctionalInterface
public interface PlanRenderer {
  /** The plan for this user data, as the JSON document {@code render --format json} prints. */
  String planJson(byte[] userData, Metadata metadata);
}
