/**
 * Datasources: where user data and metadata come from, and how one is selected.
 *
 * <p>May depend on: metadata, userdata, datasource.http. Must not depend on: config, validate,
 * plan, apply, cli.
 */
package dev.kindling.datasource;
