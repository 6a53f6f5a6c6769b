/**
 * Command line (picocli): parses arguments, calls the agent, the validator, the language server or
 * the web server, prints their results. The datasource options of both launchers are built from the
 * datasource registry.
 *
 * <p>May use: agent, analysis, cli.compat, datasource, datasource.registry, config, config.bind,
 * config.yaml, log, lsp, metadata, plan, serve, trace, userdata, validate, value; libraries:
 * picocli, Jackson.
 */
package dev.kindling.cli;
