/**
 * Config-drives: a mounted OpenStack config-2 directory, and for --auto the block device labelled
 * config-2, mounted read-only to read it.
 *
 * <p>May use: datasource, metadata, value; libraries: Jackson, slf4j.
 */
package dev.kindling.datasource.configdrive;
