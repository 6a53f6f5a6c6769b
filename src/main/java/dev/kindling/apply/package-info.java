/**
 * Applies a plan to a root file system and to systemd; the only package with side effects.
 *
 * <p>May use: plan, apply.systemd, metadata, trace, value; libraries: slf4j.
 */
package dev.kindling.apply;
