/**
 * The language server ({@code kindling lsp}): Language Server Protocol over a pair of streams
 * (Eclipse LSP4J), giving editors the validator's diagnostics, hover and completion from the
 * schema, and quick fixes for cloud-config user data.
 *
 * <p>May depend on: config, config.yaml, config.bind, userdata, validate, plan (where service
 * settings are written), LSP4J (only here) and slf4j. Must not depend on: metadata, datasource,
 * apply, cli.
 */
package dev.kindling.lsp;
