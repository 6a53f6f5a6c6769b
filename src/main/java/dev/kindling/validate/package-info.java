/**
 * The validator: rules over the bound model, reports and their printers.
 *
 * <p>The JSON and SARIF printers use only the streaming generator (jackson-core), so validating and
 * printing never load jackson-databind (only reading {@code --metadata} and the build-time
 * JsonSchemaGenerator do).
 *
 * <p>May use: config, config.yaml, config.bind, analysis.rules, userdata, metadata, value;
 * libraries: Jackson.
 */
package dev.kindling.validate;
