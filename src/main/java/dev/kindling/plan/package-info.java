/**
 * The plan: a pure function from config and metadata to the list of actions run performs, one
 * renderer per concern (env drop-ins, flannel, update.conf, oem-release, metadata env file, users,
 * write_files, units, scripts), the network conversion in {@code plan.netconf}, and the plan
 * printers.
 *
 * <p>May use: config, config.yaml, metadata, userdata, value, plan.netconf; libraries: Jackson.
 */
package dev.kindling.plan;
