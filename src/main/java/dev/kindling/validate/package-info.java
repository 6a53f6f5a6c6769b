/**
 * The validator: rules over the bound model, reports and their printers.
 *
 * <p>May depend on: config, config.yaml, config.bind, userdata, metadata, and Jackson. The JSON and
 * SARIF printers use only the streaming generator (jackson-core), so validating and printing never
 * load jackson-databind (only reading {@code --metadata} and the build-time JsonSchemaGenerator
 * do). Must not depend on: datasource, plan, apply, cli.
 */
package dev.kindling.validate;
