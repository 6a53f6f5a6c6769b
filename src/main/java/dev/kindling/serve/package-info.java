/**
 * {@code kindling serve}: the validator as a web page and an HTTP API on the JDK's built-in HTTP
 * server ({@code com.sun.net.httpserver}), with bounded workers, a bounded queue, bounded bodies
 * and request logs that carry no user data.
 *
 * <p>May depend on: validate, metadata, config (the finding codes), value, the JDK (jdk.httpserver)
 * and jackson-core. Rendering a plan is handed in as a {@link dev.kindling.serve.PlanRenderer}, so
 * this package never reaches the agent's flow. Must not depend on: datasource, plan, apply, cli.
 */
package dev.kindling.serve;
