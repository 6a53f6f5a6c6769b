/**
 * Binds the YAML tree to the model with coreos-cloudinit's decoding rules.
 *
 * <p>May use: config, config.yaml, value.
 */
package dev.kindling.config.bind;
