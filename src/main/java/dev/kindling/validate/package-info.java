/**
 * The validator: rules over the bound model, reports and their printers.
 *
 * <p>May depend on: config, config.yaml, config.bind, userdata, metadata. Must not depend on:
 * datasource, plan, apply, cli.
 */
package dev.kindling.validate;
