/**
 * Leaf values and codecs every layer may use: byte strings, bounded gunzip, strict base64, IP
 * addresses, Go-style quoting, redaction of secrets, ANSI terminal styles, a JSON document as a
 * tree, SHA-256, the words for a failure.
 *
 * <p>May use: nothing of ours; libraries: Jackson.
 */
package dev.kindling.value;
