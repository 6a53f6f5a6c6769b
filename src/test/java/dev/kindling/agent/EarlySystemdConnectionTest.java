package dev.kindling.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.apply.systemd.SystemdException;
import dev.kindling.apply.systemd.SystemdManager;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EarlySystemdConnectionTest {
  /** A manager that only counts how often it is closed. */
  private static SystemdManager counting(AtomicInteger closes) {
    return (SystemdManager)
        Proxy.newProxyInstance(
            SystemdManager.class.getClassLoader(),
            new Class<?>[] {SystemdManager.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) {
                closes.incrementAndGet();
                return null;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  @Test
  void take_connected_handsTheConnectionOverAndCloseLeavesItOpen() throws Exception {
    AtomicInteger closes = new AtomicInteger();
    SystemdManager manager = counting(closes);
    try (EarlySystemdConnection c = EarlySystemdConnection.start(() -> manager)) {
      assertThat(c.take()).isSameAs(manager);
    }
    assertThat(closes).hasValue(0);
  }

  @Test
  void take_connectFailed_throwsTheFailure() {
    EarlySystemdConnection c =
        EarlySystemdConnection.start(
            () -> {
              throw new SystemdException("failed to connect to the system bus", null);
            });
    assertThatThrownBy(c::take)
        .isInstanceOf(SystemdException.class)
        .hasMessage("failed to connect to the system bus");
    c.close();
  }

  @Test
  void close_notTaken_closesTheConnection() throws Exception {
    AtomicInteger closes = new AtomicInteger();
    CountDownLatch made = new CountDownLatch(1);
    EarlySystemdConnection c =
        EarlySystemdConnection.start(
            () -> {
              made.countDown();
              return counting(closes);
            });
    assertThat(made.await(10, TimeUnit.SECONDS)).isTrue();
    c.close();
    // Closed by close() or, if it had not been stored yet, by the connect thread: once either way.
    awaitOneClose(closes);
  }

  @Test
  void close_beforeTheConnectionArrives_closesItWhenItArrives() throws Exception {
    AtomicInteger closes = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    EarlySystemdConnection c =
        EarlySystemdConnection.start(
            () -> {
              try {
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
              return counting(closes);
            });
    c.close();
    assertThat(closes).hasValue(0);
    release.countDown();
    awaitOneClose(closes);
  }

  private static void awaitOneClose(AtomicInteger closes) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (closes.get() == 0 && System.nanoTime() < end) {
      Thread.onSpinWait();
    }
    assertThat(closes).hasValue(1);
  }
}
