/**
 * Instance metadata (the same for every datasource) and the $private_ipv4 templating over it.
 *
 * <p>May use: value; libraries: Jackson.
 */
package dev.kindling.metadata;
