/**
 * Datasources: where user data and metadata come from, and how one is selected.
 *
 * <p>May use: metadata, userdata, value, datasource.http; libraries: Jackson, slf4j.
 */
package dev.kindling.datasource;
