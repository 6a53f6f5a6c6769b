package dev.kindling.apply.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemBusConnectorTest {
  @TempDir Path dir;

  @Test
  void systemBusAddress_variableSet_usedAsGiven() {
    assertThat(
            SystemBusConnector.systemBusAddress(
                Map.of("DBUS_SYSTEM_BUS_ADDRESS", " unix:path=/tmp/bus \n")))
        .isEqualTo("unix:path=/tmp/bus");
  }

  @Test
  void systemBusAddress_variableUnsetOrBlank_defaultSocket() {
    assertThat(SystemBusConnector.systemBusAddress(Map.of()))
        .isEqualTo("unix:path=/run/dbus/system_bus_socket");
    assertThat(SystemBusConnector.systemBusAddress(Map.of("DBUS_SYSTEM_BUS_ADDRESS", " ")))
        .isEqualTo("unix:path=/run/dbus/system_bus_socket");
  }

  @Test
  void socketPath_unixPathAddress_isThePath() {
    assertThat(new SystemBusConnector("unix:path=/run/dbus/system_bus_socket").socketPath())
        .contains(Path.of("/run/dbus/system_bus_socket"));
    assertThat(new SystemBusConnector("tcp:host=127.0.0.1,port=1;unix:guid=x,path=/b").socketPath())
        .contains(Path.of("/b"));
  }

  @Test
  void socketPath_abstractOrTcpAddress_empty() {
    assertThat(new SystemBusConnector("unix:abstract=/tmp/dbus-x").socketPath())
        .isEqualTo(Optional.empty());
    assertThat(new SystemBusConnector("tcp:host=127.0.0.1,port=1").socketPath()).isEmpty();
  }

  @Test
  void connect_socketNeverAppears_failsNamingTheAddress() {
    String address = "unix:path=" + dir.resolve("missing.sock");
    assertThatThrownBy(() -> new SystemBusConnector(address).connect(Duration.ofMillis(500)))
        .isInstanceOf(SystemdException.class)
        .hasMessageStartingWith("failed to connect to the system bus at " + address + ": ");
  }

  @Test
  void connect_notASocket_failsNamingTheAddress() throws Exception {
    Path file = Files.createFile(dir.resolve("plain-file"));
    String address = "unix:path=" + file;
    assertThatThrownBy(() -> new SystemBusConnector(address).connect(Duration.ofMillis(500)))
        .isInstanceOf(SystemdException.class)
        .hasMessageStartingWith("failed to connect to the system bus at " + address + ": ");
  }

  @Test
  void worthRetrying_socketFileMissing_true() {
    SystemBusConnector connector = new SystemBusConnector("unix:path=" + dir.resolve("later"));
    assertThat(connector.worthRetrying(new IOException("No such file or directory"))).isTrue();
  }

  @Test
  void worthRetrying_refusedOnAPlainFile_false() throws Exception {
    Path file = Files.createFile(dir.resolve("plain-file"));
    SystemBusConnector connector = new SystemBusConnector("unix:path=" + file);
    assertThat(connector.worthRetrying(new ConnectException("Connection refused"))).isFalse();
  }

  @Test
  void worthRetrying_otherFailureOnExistingPath_false() throws Exception {
    SystemBusConnector connector = new SystemBusConnector("unix:path=" + dir);
    assertThat(connector.worthRetrying(new IOException("Failed to auth"))).isFalse();
  }
}
