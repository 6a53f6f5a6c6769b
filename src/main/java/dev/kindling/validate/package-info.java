/**
 * The validator: the report view of the analysis (entries in document order, with part labels and
 * source lines), its text, JSON and SARIF printers, and the JSON schema generator.
 *
 * <p>The JSON and SARIF printers use only the streaming generator (jackson-core), so validating and
 * printing never load jackson-databind (only reading {@code --metadata} and the build-time
 * JsonSchemaGenerator do).
 *
 * <p>May use: analysis, config, config.yaml, userdata, metadata, value; libraries: Jackson.
 */
package dev.kindling.validate;
