/**
 * Small immutable value types every layer shares (byte strings).
 *
 * <p>May depend on: the JDK. Must not depend on: any other dev.kindling package.
 */
package dev.kindling.value;
