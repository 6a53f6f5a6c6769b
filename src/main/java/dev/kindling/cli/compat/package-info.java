/**
 * The {@code coreos-cloudinit -validate} output: Kindling's findings as the original's validator
 * reported them (its rules, message templates, severities and order; true positions), or, with
 * {@code -validate-all}, every Kindling finding in the same {@code line N: kind: message} format.
 *
 * <p>May use: config, config.yaml, plan, userdata, validate, value.
 */
package dev.kindling.cli.compat;
