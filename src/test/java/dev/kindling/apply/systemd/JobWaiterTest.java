package dev.kindling.apply.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.types.UInt32;
import org.junit.jupiter.api.Test;

class JobWaiterTest {
  private static final String JOB_1 = "/org/freedesktop/systemd1/job/1";
  private static final String JOB_2 = "/org/freedesktop/systemd1/job/2";

  private static SystemdBus.Manager.JobRemoved removed(long id, String job, String result)
      throws Exception {
    return new SystemdBus.Manager.JobRemoved(
        SystemdBus.SYSTEMD_PATH, new UInt32(id), new DBusPath(job), "a.service", result);
  }

  @Test
  void await_signalArrivedBeforeTheJobPathWasKnown_resultKept() throws Exception {
    JobWaiter waiter = new JobWaiter();
    waiter.expect();
    waiter.handle(removed(1, JOB_1, "done"));

    assertThat(waiter.await(JOB_1, Duration.ZERO)).contains("done");
  }

  @Test
  void await_signalArrivesWhileWaiting_returnsItsResult() throws Exception {
    JobWaiter waiter = new JobWaiter();
    waiter.expect();
    Thread systemd =
        new Thread(
            () -> {
              try {
                Thread.sleep(100);
                waiter.handle(removed(2, JOB_2, "failed"));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    systemd.start();

    assertThat(waiter.await(JOB_2, Duration.ofMinutes(1))).contains("failed");
    systemd.join();
  }

  @Test
  void await_onlyOtherJobsFinish_emptyAfterTimeout() throws Exception {
    JobWaiter waiter = new JobWaiter();
    waiter.expect();
    waiter.handle(removed(2, JOB_2, "done"));

    assertThat(waiter.await(JOB_1, Duration.ofMillis(50))).isEmpty();
  }

  @Test
  void handle_nobodyExpecting_signalDropped() throws Exception {
    JobWaiter waiter = new JobWaiter();
    waiter.handle(removed(1, JOB_1, "done"));
    waiter.expect();

    assertThat(waiter.await(JOB_1, Duration.ZERO)).isEmpty();
  }

  @Test
  void done_lastCallerGaveUp_keptSignalsForgotten() throws Exception {
    JobWaiter waiter = new JobWaiter();
    waiter.expect();
    waiter.handle(removed(1, JOB_1, "done"));
    waiter.done();
    waiter.expect();

    assertThat(waiter.await(JOB_1, Duration.ZERO)).isEmpty();
  }
}
