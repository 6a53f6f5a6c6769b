/**
 * Position-preserving YAML tree over SnakeYAML's composer; the only package that imports SnakeYAML.
 *
 * <p>May use: trace; libraries: SnakeYAML.
 */
package dev.kindling.config.yaml;
