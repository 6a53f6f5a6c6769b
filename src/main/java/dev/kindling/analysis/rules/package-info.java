/**
 * The checks over a bound cloud-config: one {@link dev.kindling.analysis.rules.Rule} per concern,
 * reporting findings at model paths, run by the analysis in the order of {@link
 * dev.kindling.analysis.rules.Rules#all()}.
 *
 * <p>May use: config, config.yaml, config.bind, metadata, value.
 */
package dev.kindling.analysis.rules;
