/**
 * The one list of datasource types and OEM presets: what {@code --from-...} options exist, in which
 * order sources that answer at the same moment win, and what {@code --oem NAME} means.
 *
 * <p>May use: datasource, datasource.*.
 */
package dev.kindling.datasource.registry;
