/**
 * Network config conversion for {@code --convert-netconf}: the debian interfaces file of a config
 * drive, Packet's network JSON and VMware's guestinfo keys, each turned into systemd-networkd
 * {@code .netdev} and {@code .network} files. Pure: parses text, returns text.
 *
 * <p>May depend on: the JDK and Jackson. Must not depend on: java.nio.file.Files, any I/O, every
 * other dev.kindling package.
 */
package dev.kindling.plan.netconf;
