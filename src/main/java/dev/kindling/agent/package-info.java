/**
 * The one-shot agent behind both launchers: acquire the sources, analyse, plan, apply, report. One
 * {@link dev.kindling.agent.AgentEnvironment} carries every effect beyond the target root (and
 * {@code AgentEnvironment.system()} wires the real ones); requests end in an {@link
 * dev.kindling.agent.Outcome}, whose exit status {@link dev.kindling.agent.ExitStatus} decides.
 *
 * <p>May use: analysis, apply, apply.systemd, config, config.bind, config.yaml, datasource,
 * datasource.*, metadata, plan, trace, userdata, validate, value; libraries: Jackson, slf4j.
 */
package dev.kindling.agent;
