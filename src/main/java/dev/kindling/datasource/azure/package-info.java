/**
 * Azure: the waagent directory (CustomData, SharedConfig.xml).
 *
 * <p>May use: datasource, metadata, value; libraries: slf4j.
 */
package dev.kindling.datasource.azure;
