/**
 * Leaf values and codecs every layer may use: byte strings, bounded gunzip, IP addresses, Go-style
 * quoting, redaction of secrets, ANSI terminal styles.
 *
 * <p>May use: nothing of ours.
 */
package dev.kindling.value;
