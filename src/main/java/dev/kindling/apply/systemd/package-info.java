/**
 * systemd over D-Bus (dbus-java); the only package that imports dbus-java.
 *
 * <p>May depend on: the JDK and dbus-java. Must not depend on: every other dev.kindling package.
 */
package dev.kindling.apply.systemd;
