/**
 * Command line (picocli): the subcommands and the only place that wires implementations together.
 *
 * <p>May use: analysis, apply, apply.systemd, config, config.yaml, config.bind, datasource,
 * datasource.*, lsp, metadata, plan, serve, trace, userdata, validate, value; libraries: picocli,
 * Jackson, slf4j.
 */
package dev.kindling.cli;
