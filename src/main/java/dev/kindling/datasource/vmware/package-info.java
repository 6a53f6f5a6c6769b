/**
 * VMware: guestinfo variables over vmware-rpctool, or an OVF environment document.
 *
 * <p>May use: datasource, metadata, value; libraries: Jackson, slf4j.
 */
package dev.kindling.datasource.vmware;
