/**
 * Instance metadata (the same for every datasource) and the $private_ipv4 templating over it.
 *
 * <p>May depend on: the JDK and Jackson. Must not depend on: every other dev.kindling package.
 */
package dev.kindling.metadata;
