/**
 * Command line (picocli): the subcommands and the only place that wires implementations together.
 *
 * <p>May depend on: every package. Must not depend on: nothing depends on cli.
 */
package dev.kindling.cli;
