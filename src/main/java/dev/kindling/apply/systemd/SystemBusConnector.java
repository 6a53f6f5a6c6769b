package dev.kindling.apply.systemd;

import dev.kindling.trace.StartupTrace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a private connection to the system bus, waiting briefly for the socket early in boot.
 *
 * <p>The address is {@code DBUS_SYSTEM_BUS_ADDRESS} when set (as libdbus and sd-bus read it), else
 * {@value #DEFAULT_ADDRESS}. A unit ordered after {@code dbus.socket} finds the socket at once;
 * anything started earlier sees "no such file" or "connection refused" for a moment, which is
 * retried until the wait is over. Other failures (authentication, a bad address) are not.
 */
final class SystemBusConnector {
  private static final String ADDRESS_VARIABLE = "DBUS_SYSTEM_BUS_ADDRESS";
  static final String DEFAULT_ADDRESS = "unix:path=/run/dbus/system_bus_socket";
  private static final Duration PAUSE = Duration.ofMillis(200);
  private static final int SINGLE_ATTEMPT_MS = 500;
  private static final Logger LOG = LoggerFactory.getLogger(SystemBusConnector.class);

  private final String address;

  SystemBusConnector(String address) {
    this.address = address;
  }

  /** The system bus address from the environment, else the default. */
  static String systemBusAddress(Map<String, String> environment) {
    String fromEnvironment = environment.get(ADDRESS_VARIABLE);
    return fromEnvironment == null || fromEnvironment.isBlank()
        ? DEFAULT_ADDRESS
        : fromEnvironment.strip();
  }

  /** Connects, retrying a missing or not yet listening socket until {@code wait} has passed. */
  DBusConnection connect(Duration wait) throws SystemdException {
    long start = StartupTrace.start();
    try {
      return connectWithin(wait);
    } finally {
      StartupTrace.end("dbus: connect", start);
    }
  }

  private DBusConnection connectWithin(Duration wait) throws SystemdException {
    long deadline = System.nanoTime() + wait.toNanos();
    for (int attempt = 1; ; attempt++) {
      try {
        // One transport attempt per call: dbus-java would otherwise retry any failure, even a
        // path that is not a socket, 20 times over 10 s; the retry policy is ours (above).
        return DBusConnectionBuilder.forAddress(address)
            .withShared(false)
            .transportConfig()
            .withTimeout(SINGLE_ATTEMPT_MS)
            .back()
            .build();
      } catch (DBusException | RuntimeException e) {
        if (!worthRetrying(e) || System.nanoTime() + PAUSE.toNanos() > deadline) {
          throw new SystemdException(
              "failed to connect to the system bus at " + address + ": " + describe(e), e);
        }
        LOG.debug("system bus at {} not ready (attempt #{}): {}", address, attempt, describe(e));
        pause();
      }
    }
  }

  /**
   * Whether a failed connect may succeed soon: the socket file does not exist yet, or it exists (a
   * socket, not a regular file or directory) but nobody listens on it yet. Anything else, such as a
   * rejected authentication or a path that is not a socket, fails at once.
   */
  boolean worthRetrying(Throwable failure) {
    Optional<Path> socket = socketPath();
    if (socket.isEmpty()) {
      return refused(failure);
    }
    Path path = socket.get();
    if (!Files.exists(path)) {
      return true;
    }
    return !Files.isRegularFile(path) && !Files.isDirectory(path) && refused(failure);
  }

  /** The socket file of a {@code unix:path=} address, if that is what it is. */
  Optional<Path> socketPath() {
    for (String part : address.split(";", -1)) {
      if (part.startsWith("unix:")) {
        for (String kv : part.substring("unix:".length()).split(",", -1)) {
          if (kv.startsWith("path=")) {
            return Optional.of(Path.of(kv.substring("path=".length())));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean refused(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.ConnectException
          || String.valueOf(t.getMessage()).contains("Connection refused")) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }

  private static void pause() throws SystemdException {
    try {
      Thread.sleep(PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SystemdException("interrupted while waiting for the system bus", e);
    }
  }
}
