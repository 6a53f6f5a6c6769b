/**
 * CloudSigma: the server context read over the serial port.
 *
 * <p>May use: datasource, metadata, value; libraries: Jackson, slf4j.
 */
package dev.kindling.datasource.cloudsigma;
