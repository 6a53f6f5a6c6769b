/**
 * User-data classification: empty, script, cloud-config, Ignition, gzip and multipart MIME.
 *
 * <p>May depend on: the JDK and Jackson's streaming parser. Must not depend on: any other
 * dev.kindling package.
 */
package dev.kindling.userdata;
