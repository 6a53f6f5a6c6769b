/**
 * Command line (picocli): parses arguments, calls the agent, the validator or the language server,
 * prints their results. The datasource options of both launchers are built from the datasource
 * registry.
 *
 * <p>May use: agent, datasource, datasource.registry, config, config.yaml, lsp, metadata, plan,
 * userdata, validate, value; libraries: picocli, Jackson.
 */
package dev.kindling.cli;
