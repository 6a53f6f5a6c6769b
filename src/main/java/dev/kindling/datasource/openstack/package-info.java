/**
 * The OpenStack metadata service (its own JSON documents, with the EC2-compatible tree as a
 * fallback).
 *
 * <p>May use: datasource, datasource.http, metadata, value; libraries: Jackson, slf4j.
 */
package dev.kindling.datasource.openstack;
