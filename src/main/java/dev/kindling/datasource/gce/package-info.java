/**
 * The Google Compute Engine metadata server.
 *
 * <p>May use: datasource, datasource.http, metadata, value; libraries: Jackson, slf4j.
 */
package dev.kindling.datasource.gce;
