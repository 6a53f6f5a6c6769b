/**
 * Instance metadata (the same for every datasource) and the $private_ipv4 templating over it.
 *
 * <p>May use: nothing of ours; libraries: Jackson.
 */
package dev.kindling.metadata;
