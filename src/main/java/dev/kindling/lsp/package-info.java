/**
 * The language server ({@code kindling lsp}): Language Server Protocol over a pair of streams
 * (Eclipse LSP4J), giving editors the validator's diagnostics, hover and completion from the
 * schema, and quick fixes for cloud-config user data. It reads the planner's paths to say where a
 * service setting is written.
 *
 * <p>May use: config, config.yaml, config.bind, userdata, validate, plan; libraries:
 * org.eclipse.lsp4j, slf4j.
 */
package dev.kindling.lsp;
