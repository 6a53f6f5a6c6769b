/**
 * The plan: a pure function from config and metadata to the list of actions run performs, one
 * renderer per concern (env drop-ins, flannel, update.conf, oem-release, metadata env file, users,
 * write_files, units, scripts), the network conversion in {@code plan.netconf}, and the plan
 * printers.
 *
 * <p>The config parts come checked by the analysis ({@link dev.kindling.config.CheckedConfig}): the
 * planner plans what it accepted and reports what it rejected, so it holds no validity rules of its
 * own. No I/O, no clock.
 *
 * <p>May use: config, config.yaml, metadata, value, plan.netconf; libraries: Jackson.
 */
package dev.kindling.plan;
