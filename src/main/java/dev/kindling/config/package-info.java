/**
 * The cloud-config model: schema tables, records and findings, shared by validate, render and run,
 * and the formats its values follow (content encodings, permissions, Go path semantics, systemd
 * unit files, SSH public keys), so that validate and the planner read them alike.
 *
 * <p>May use: config.yaml, value.
 */
package dev.kindling.config;
