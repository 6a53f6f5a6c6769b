package dev.kindling.apply;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only fault injection at the boundaries where a crash could leave the target half-written:
 * around each temporary file (created, written, before and after its rename) and between actions.
 * With the system property {@value #PROPERTY} set to N, the process halts at the Nth boundary
 * passed, as {@code kill -9} would stop it (no shutdown hooks, no finally blocks); the crash test
 * halts at every N in turn and checks that a rerun repairs everything. Production never sets the
 * property, and without it a boundary costs one read of a constant.
 */
public final class CrashPoints {
  /** The system property naming the boundary to halt at (1 = the first). */
  public static final String PROPERTY = "kindling.test.haltAtBoundary";

  /** The exit status of a halt, that of a process killed by SIGKILL. */
  public static final int HALT_STATUS = 137;

  /** The line printed to standard error just before halting, followed by N and the boundary. */
  public static final String HALTED = "kindling: halted at boundary ";

  private static final int HALT_AT = Integer.getInteger(PROPERTY, 0);
  private static final AtomicInteger PASSED = new AtomicInteger();

  private CrashPoints() {}

  /** Passes one boundary; {@code what} names it for the halt message. */
  static void boundary(String what) {
    if (HALT_AT > 0 && PASSED.incrementAndGet() == HALT_AT) {
      System.err.println(HALTED + HALT_AT + ": " + what);
      System.err.flush();
      Runtime.getRuntime().halt(HALT_STATUS);
    }
  }
}
