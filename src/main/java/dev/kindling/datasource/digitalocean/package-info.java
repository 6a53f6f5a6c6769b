/**
 * The DigitalOcean metadata service.
 *
 * <p>May use: datasource, datasource.http, metadata, value; libraries: Jackson.
 */
package dev.kindling.datasource.digitalocean;
