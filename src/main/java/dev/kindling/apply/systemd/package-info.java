/**
 * systemd over D-Bus (dbus-java); the only package that imports dbus-java.
 *
 * <p>May use: trace, value; libraries: dbus-java, slf4j.
 */
package dev.kindling.apply.systemd;
