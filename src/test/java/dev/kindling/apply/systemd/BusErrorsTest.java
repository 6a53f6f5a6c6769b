package dev.kindling.apply.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.junit.jupiter.api.Test;

class BusErrorsTest {
  @Test
  void failed_systemdErrorReply_reasonWithoutTrailingPeriod() {
    DBusExecutionException reply = new DBusExecutionException("Unit etcd.service not found.");

    SystemdException e = BusErrors.failed("start etcd.service", reply);

    assertThat(e).hasMessage("failed to start etcd.service: Unit etcd.service not found");
    assertThat(e).hasCause(reply);
  }

  @Test
  void reason_noMessage_exceptionType() {
    assertThat(BusErrors.reason(new IllegalStateException())).isEqualTo("IllegalStateException");
  }
}
