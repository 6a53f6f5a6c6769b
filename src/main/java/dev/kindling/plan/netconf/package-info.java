/**
 * Network config conversion for {@code --convert-netconf}: the debian interfaces file of a config
 * drive, Packet's network JSON and VMware's guestinfo keys, each turned into systemd-networkd
 * {@code .netdev} and {@code .network} files. Pure: parses text, returns text.
 *
 * <p>May use: value; libraries: Jackson.
 */
package dev.kindling.plan.netconf;
