/**
 * Kindling's slf4j provider: each message one line on standard error, {@code LEVEL message} (the
 * journal adds the time and the unit), with the levels set by system properties and the control
 * characters of a message's arguments escaped. slf4j-simple did this before; its start-up looked
 * for {@code simplelogger.properties} through the class loader, which scans every module of the
 * runtime and opens the jar by URL, 1.5-2 ms of every run.
 *
 * <p>May use: value; libraries: slf4j.
 */
package dev.kindling.log;
