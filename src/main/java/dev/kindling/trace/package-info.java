/**
 * The start-up trace: phase marks and summed spans that {@code bench/startup.sh} turns into a
 * profile of where the milliseconds of one run go. Off unless the system property {@code
 * kindling.trace} is set; off, a mark costs one read of a constant.
 *
 * <p>May use: nothing of ours.
 */
package dev.kindling.trace;
