/**
 * Network config conversion for {@code --convert-netconf}: the debian interfaces file of a config
 * drive, Packet's network JSON and VMware's guestinfo keys (as coreos-cloudinit converted them),
 * and OpenStack's {@code network_data.json} (a Kindling extension), each turned into
 * systemd-networkd {@code .netdev} and {@code .network} files. Pure: parses text, returns text and
 * what it left out.
 *
 * <p>May use: value; libraries: Jackson.
 */
package dev.kindling.plan.netconf;
