/**
 * {@code kindling serve}: the validator as a web page and an HTTP API on the JDK's built-in HTTP
 * server ({@code com.sun.net.httpserver}), with bounded workers, a bounded queue, bounded bodies
 * and request logs that carry no user data. Rendering a plan is handed in as a {@link
 * dev.kindling.serve.PlanRenderer}, so this package never reaches the agent's flow (datasource,
 * plan, apply, cli).
 *
 * <p>May use: validate, metadata, config, value; libraries: Jackson.
 */
package dev.kindling.serve;
