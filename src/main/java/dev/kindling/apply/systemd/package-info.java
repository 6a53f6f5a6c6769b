/**
 * systemd over D-Bus (dbus-java); the only package that imports dbus-java.
 *
 * <p>May depend on: the JDK, dbus-java and slf4j. Must not depend on: every other dev.kindling
 * package.
 */
package dev.kindling.apply.systemd;
