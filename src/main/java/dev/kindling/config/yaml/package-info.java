/**
 * Position-preserving YAML tree over SnakeYAML's composer; the only package that imports SnakeYAML.
 *
 * <p>May use: nothing of ours; libraries: SnakeYAML.
 */
package dev.kindling.config.yaml;
