/**
 * Network config conversion for {@code --convert-netconf}: the debian interfaces file of a config
 * drive, Packet's network JSON and VMware's guestinfo keys (as coreos-cloudinit converted them),
 * and OpenStack's {@code network_data.json} (a Kindling extension), each turned into
 * systemd-networkd {@code .netdev} and {@code .network} files. Pure: parses text, returns text and
 * what it left out.
 *
 * <p>May depend on: the JDK and Jackson. Must not depend on: java.nio.file.Files, any I/O, every
 * other dev.kindling package.
 */
package dev.kindling.plan.netconf;
