/**
 * The one-shot agent: acquire the sources, analyse, plan, apply, report.
 *
 * <p>May use: apply, apply.systemd, analysis.rules, config, config.yaml, config.bind, datasource,
 * datasource.*, metadata, plan, userdata, validate, value; libraries: Jackson, slf4j.
 */
package dev.kindling.agent;
