/**
 * The plan: a pure function from config and metadata to the list of actions run performs.
 *
 * <p>May depend on: config, config.yaml, metadata. Must not depend on: java.nio.file.Files,
 * validate, datasource, apply, cli.
 */
package dev.kindling.plan;
