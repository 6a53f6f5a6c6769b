package dev.kindling.agent;

import dev.kindling.apply.systemd.SystemdException;
import dev.kindling.apply.systemd.SystemdManager;

/**
 * The connection to systemd ({@code --systemd dbus}), opened on a thread of its own while the
 * sources are read and the plan is made: connecting to the system bus (dbus-java's classes, the
 * authentication, the Hello call) takes about as long as everything a boot does before it applies,
 * and neither needs the other. {@link #take} hands the connection (or the failure to connect) over
 * where the flow used to connect; {@link #close} closes it when the flow ended without applying,
 * without waiting for a connection still being made (its thread closes it when it arrives).
 */
final class EarlySystemdConnection implements AutoCloseable {
  private final Thread thread;
  private SystemdManager manager; // guarded by this
  private SystemdException failure; // guarded by this
  private RuntimeException crashed; // guarded by this
  private boolean taken; // guarded by this
  private boolean closed; // guarded by this

  private EarlySystemdConnection(AgentEnvironment.SystemdConnector connector) {
    thread = new Thread(() -> connect(connector), "kindling-systemd-connect");
    thread.setDaemon(true);
  }

  /** Starts connecting. */
  static EarlySystemdConnection start(AgentEnvironment.SystemdConnector connector) {
    EarlySystemdConnection c = new EarlySystemdConnection(connector);
    c.thread.start();
    return c;
  }

  private void connect(AgentEnvironment.SystemdConnector connector) {
    SystemdManager made = null;
    SystemdException failed = null;
    RuntimeException broken = null;
    try {
      made = connector.connect();
    } catch (SystemdException e) {
      failed = e;
    } catch (RuntimeException e) {
      broken = e;
    }
    boolean unwanted;
    synchronized (this) {
      manager = made;
      failure = failed;
      crashed = broken;
      unwanted = closed;
    }
    if (unwanted && made != null) {
      closeQuietly(made);
    }
  }

  /**
   * The connection, once made; the caller closes it.
   *
   * @throws SystemdException when systemd could not be reached
   */
  SystemdManager take() throws SystemdException {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true; // the connect has its own deadline; the flag is restored below
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      taken = true;
      if (crashed != null) {
        throw crashed;
      }
      if (failure != null) {
        throw failure;
      }
      return manager;
    }
  }

  /** Closes the connection unless it was taken; one still being made is closed when it arrives. */
  @Override
  public void close() {
    SystemdManager unused;
    synchronized (this) {
      closed = true;
      unused = taken ? null : manager;
    }
    if (unused != null) {
      closeQuietly(unused);
    }
  }

  private static void closeQuietly(SystemdManager m) {
    try {
      m.close();
    } catch (RuntimeException e) {
      // Nothing was asked of this connection; failing to close it changes nothing.
    }
  }
}
