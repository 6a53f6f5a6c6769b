/**
 * The validator: rules over the bound model, reports and their printers.
 *
 * <p>May depend on: config, config.yaml, config.bind, userdata, metadata, and Jackson's streaming
 * generator (jackson-core, for the JSON and SARIF printers; not jackson-databind). Must not depend
 * on: datasource, plan, apply, cli.
 */
package dev.kindling.validate;
