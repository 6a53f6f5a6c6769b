package dev.kindling.apply.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.nspawn.Exec;
import dev.kindling.nspawn.NspawnPrerequisites;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar's D-Bus stack against a private {@code dbus-daemon} on a temporary socket (never
 * the host's bus): the transport found through its merged META-INF/services entry, SASL EXTERNAL,
 * the JobRemoved match, systemd's absence reported in our words, the connect retry while the socket
 * is missing, and close() ending every dbus-java thread.
 */
class PrivateBusIT {
  private static final String TRANSPORT_SERVICE =
      "META-INF/services/org.freedesktop.dbus.spi.transport.ITransportProvider";

  @TempDir Path dir;
  private Process daemon;

  @AfterEach
  void stopDaemon() throws InterruptedException {
    if (daemon != null) {
      daemon.destroy();
      if (!daemon.waitFor(10, TimeUnit.SECONDS)) {
        daemon.destroyForcibly();
      }
    }
  }

  @Test
  void shadedJar_servicesEntry_namesNativeTransport() throws IOException {
    try (ZipFile jar = new ZipFile(NspawnPrerequisites.kindlingJar().toFile())) {
      var entry = jar.getEntry(TRANSPORT_SERVICE);
      assertThat(entry).as(TRANSPORT_SERVICE + " in the shaded jar").isNotNull();
      String providers =
          new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
      assertThat(providers).contains("org.freedesktop.dbus.transport.jre.NativeTransportProvider");
    }
  }

  @Test
  void shadedJar_aloneOnClassPath_connectsAndReportsMissingSystemd() throws Exception {
    String address = startDaemon();
    // Only the shaded jar (parent: the platform loader), as `java -jar` would see it.
    try (URLClassLoader isolated =
        new URLClassLoader(
            new URL[] {NspawnPrerequisites.kindlingJar().toUri().toURL()},
            ClassLoader.getPlatformClassLoader())) {
      Class<?> managerClass = isolated.loadClass(DbusSystemdManager.class.getName());
      assertThat(managerClass.getClassLoader()).isSameAs(isolated);
      Method connect = managerClass.getMethod("connect", String.class, Duration.class);
      Object manager = connect.invoke(null, address, Duration.ofSeconds(5));
      try {
        assertThat(failureOf(() -> managerClass.getMethod("reload").invoke(manager)))
            .isEqualTo(
                "failed to reload systemd: The name org.freedesktop.systemd1 was not provided by"
                    + " any .service files");
        assertThat(
                failureOf(
                    () ->
                        managerClass
                            .getMethod("setHostname", String.class)
                            .invoke(manager, "node1")))
            .isEqualTo(
                "failed to set hostname to node1: The name org.freedesktop.hostname1 was not"
                    + " provided by any .service files");
      } finally {
        managerClass.getMethod("close").invoke(manager);
      }
    }
  }

  @Test
  void close_afterUse_leavesNoDbusThreads() throws Exception {
    String address = startDaemon();
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    DbusSystemdManager manager = DbusSystemdManager.connect(address, Duration.ofSeconds(5));
    assertThatThrownBy(manager::reload).isInstanceOf(SystemdException.class);
    manager.close();
    manager.close(); // idempotent

    List<Thread> left = newThreads(before);
    for (Thread t : left) {
      t.join(2000);
    }
    assertThat(newThreads(before).stream().map(Thread::getName).collect(Collectors.toList()))
        .as("threads started by the connection and still alive after close()")
        .isEmpty();
  }

  @Test
  void connect_socketAppearsLate_retriedUntilConnected() throws Exception {
    Path socket = dir.resolve("late.sock");
    Thread starter =
        new Thread(
            () -> {
              try {
                Thread.sleep(700);
                startDaemon(socket);
              } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    starter.start();
    try (DbusSystemdManager manager =
        DbusSystemdManager.connect("unix:path=" + socket, Duration.ofSeconds(20))) {
      assertThat(manager).isNotNull();
    } finally {
      starter.join();
    }
  }

  private String startDaemon() throws IOException, InterruptedException {
    return startDaemon(dir.resolve("bus.sock"));
  }

  private String startDaemon(Path socket) throws IOException, InterruptedException {
    NspawnPrerequisites.skipUnless(
        Exec.onPath("dbus-daemon"), "dbus-daemon is not installed (Debian package dbus-daemon)");
    // A minimal bus: EXTERNAL auth, no service directories (nothing can be activated).
    Path config = socket.resolveSibling(socket.getFileName() + ".conf");
    Files.writeString(
        config,
        "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\""
            + " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
            + "<busconfig><type>session</type><listen>unix:path="
            + socket
            + "</listen><auth>EXTERNAL</auth><policy context=\"default\">"
            + "<allow send_destination=\"*\" eavesdrop=\"true\"/><allow eavesdrop=\"true\"/>"
            + "<allow own=\"*\"/></policy></busconfig>\n");
    Process started =
        new ProcessBuilder("dbus-daemon", "--config-file=" + config, "--nofork", "--print-address")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(socket.getFileName() + ".log").toFile())
            .start();
    daemon = started;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Files.exists(socket)) {
      if (!started.isAlive() || System.nanoTime() > deadline) {
        throw new IOException(
            "dbus-daemon did not start: "
                + Files.readString(dir.resolve(socket.getFileName() + ".log")));
      }
      Thread.sleep(20);
    }
    return "unix:path=" + socket;
  }

  private static List<Thread> newThreads(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.isAlive())
        .collect(Collectors.toList());
  }

  @FunctionalInterface
  private interface Call {
    void run() throws Exception;
  }

  /** The message of the SystemdException a reflective call threw (its class from any loader). */
  private static String failureOf(Call call) throws Exception {
    try {
      call.run();
    } catch (InvocationTargetException e) {
      assertThat(e.getCause().getClass().getName()).isEqualTo(SystemdException.class.getName());
      return e.getCause().getMessage();
    }
    throw new AssertionError("expected a SystemdException");
  }
}
