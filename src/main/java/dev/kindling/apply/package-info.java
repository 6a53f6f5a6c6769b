/**
 * Applies a plan to a root file system and to systemd; the only package with side effects.
 *
 * <p>May depend on: plan, apply.systemd, metadata. Must not depend on: config, validate,
 * datasource, cli.
 */
package dev.kindling.apply;
