/**
 * User-data classification: empty, script, cloud-config, Ignition, gzip and multipart MIME.
 *
 * <p>May use: value; libraries: com.fasterxml.jackson.core.
 */
package dev.kindling.userdata;
