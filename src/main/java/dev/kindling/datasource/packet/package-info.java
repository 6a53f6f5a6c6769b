/**
 * The Packet (Equinix Metal) metadata service.
 *
 * <p>May use: datasource, datasource.http, metadata, value; libraries: Jackson.
 */
package dev.kindling.datasource.packet;
