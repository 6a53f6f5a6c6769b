/**
 * Position-preserving YAML tree over SnakeYAML's composer; the only package that imports SnakeYAML.
 *
 * <p>May depend on: the JDK and SnakeYAML. Must not depend on: every other dev.kindling package.
 */
package dev.kindling.config.yaml;
