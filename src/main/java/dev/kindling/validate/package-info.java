/**
 * The validator: rules over the bound model, reports and their printers.
 *
 * <p>May depend on: config, config.yaml, config.bind, userdata, metadata, and Jackson. The JSON and
 * SARIF printers use only the streaming generator (jackson-core), so {@code validate} never loads
 * jackson-databind; only the build-time JsonSchemaGenerator uses it. Must not depend on:
 * datasource, plan, apply, cli.
 */
package dev.kindling.validate;
