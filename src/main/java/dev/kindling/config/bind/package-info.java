/**
 * Binds the YAML tree to the model with coreos-cloudinit's decoding rules.
 *
 * <p>May depend on: config, config.yaml. Must not depend on: userdata, metadata, validate,
 * datasource, plan, apply, cli.
 */
package dev.kindling.config.bind;
