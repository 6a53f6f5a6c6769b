/**
 * The checks over a bound cloud-config: one {@link dev.kindling.analysis.rules.Rule} per concern,
 * reporting findings at model paths, run by the analysis in the order of {@link
 * dev.kindling.analysis.rules.Rules#all()}.
 *
 * <p>May depend on: config, config.yaml, config.bind, metadata. Must not depend on: analysis,
 * userdata, validate, datasource, plan, apply, cli.
 */
package dev.kindling.analysis.rules;
