/**
 * The cloud-config model: schema tables, records and findings, shared by validate, render and run.
 *
 * <p>May depend on: config.yaml. Must not depend on: userdata, metadata, validate, datasource,
 * plan, apply, cli.
 */
package dev.kindling.config;
