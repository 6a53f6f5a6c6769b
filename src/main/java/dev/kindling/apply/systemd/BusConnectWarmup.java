package dev.kindling.apply.systemd;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.text.Collator;
import java.util.List;

/**
 * JDK set-ups that connecting to the bus waits for, started beside it on a thread of their own:
 * dbus-java's SASL authentication takes a {@code Collator} (building the default locale's collation
 * tables), the JDK's first Unix-domain socket seeds a {@code SecureRandom} (setting up the security
 * providers), and dbus-java reads the D-Bus annotations of the systemd interfaces and makes a proxy
 * of the manager's (each annotation type and each interface becomes a class generated at run time).
 * The JDK caches all of them (collators by locale, annotations by class, proxy classes by
 * interface), so the connection finds them made, or waits for the one being made; nothing here
 * touches the bus. A failure only costs the time.
 */
final class BusConnectWarmup {
  private BusConnectWarmup() {}

  /** Starts the set-ups on a daemon thread. */
  static void start() {
    Thread t = new Thread(BusConnectWarmup::run, "kindling-dbus-warmup");
    t.setDaemon(true);
    t.start();
  }

  @SuppressWarnings("ReturnValueIgnored") // called for what the JDK caches on the way
  private static void run() {
    try {
      Collator.getInstance();
      SocketChannel.open(StandardProtocolFamily.UNIX).close();
      for (Class<?> type : List.of(SystemdBus.Manager.class, SystemdBus.Manager.JobRemoved.class)) {
        type.getAnnotations();
        for (Method m : type.getMethods()) {
          m.getAnnotations();
        }
      }
      Proxy.newProxyInstance(
          SystemdBus.Manager.class.getClassLoader(),
          new Class<?>[] {SystemdBus.Manager.class},
          (proxy, method, args) -> null);
    } catch (Exception | LinkageError e) {
      // the connection does the same work itself, and reports what fails
    }
  }
}
