package dev.kindling.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PartialMetadataFailuresTest {
  @Test
  void join_itemsFinishingInAnyOrder_failuresListedInJoinOrder() throws Exception {
    PartialMetadata.Failures failures = new PartialMetadata.Failures();
    CountDownLatch secondDone = new CountDownLatch(1);
    PartialMetadata.Pending<String> first =
        failures.start(
            () -> {
              assertThat(secondDone.await(10, TimeUnit.SECONDS)).isTrue();
              throw new DatasourceException("first failed");
            });
    PartialMetadata.Pending<String> second =
        failures.start(
            () -> {
              secondDone.countDown();
              throw new DatasourceException("second failed");
            });
    PartialMetadata.Pending<String> third = failures.start(() -> Optional.of("value"));

    assertThat(failures.join(first)).isEmpty();
    assertThat(failures.join(second)).isEmpty();
    assertThat(failures.join(third)).contains("value");
    assertThat(failures.list()).containsExactly("first failed", "second failed");
  }

  @Test
  void join_callerInterrupted_interruptsAndEndsEveryStartedItem() throws Exception {
    PartialMetadata.Failures failures = new PartialMetadata.Failures();
    AtomicReference<Thread> worker = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    PartialMetadata.Pending<String> slow =
        failures.start(
            () -> {
              worker.set(Thread.currentThread());
              started.countDown();
              Thread.sleep(60_000);
              return Optional.of("never");
            });
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

    Thread.currentThread().interrupt();
    assertThatThrownBy(() -> failures.join(slow)).isInstanceOf(InterruptedException.class);
    assertThat(worker.get().isAlive()).isFalse();
  }

  @Test
  void join_itemThrowsUnchecked_rethrowsIt() throws Exception {
    PartialMetadata.Failures failures = new PartialMetadata.Failures();
    PartialMetadata.Pending<String> broken =
        failures.start(
            () -> {
              throw new IllegalStateException("bug");
            });
    assertThatThrownBy(() -> failures.join(broken))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bug");
  }

  @Test
  void require_itemFails_throwsItsFailureAndEndsEveryStartedItem() throws Exception {
    PartialMetadata.Failures items = new PartialMetadata.Failures();
    AtomicReference<Thread> worker = new AtomicReference<>();
    CountDownLatch started = new CountDownLatch(1);
    DatasourceException failure = new DatasourceException("document failed");
    PartialMetadata.Pending<String> failing =
        items.start(
            () -> {
              assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
              throw failure;
            });
    items.start(
        () -> {
          worker.set(Thread.currentThread());
          started.countDown();
          Thread.sleep(60_000);
          return Optional.of("never");
        });

    assertThatThrownBy(() -> items.require(failing)).isSameAs(failure);
    assertThat(worker.get().isAlive()).isFalse();
    assertThat(items.list()).isEmpty();
  }
}
