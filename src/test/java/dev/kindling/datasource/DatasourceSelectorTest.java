package dev.kindling.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kindling.datasource.DatasourceSelector.Candidate;
import dev.kindling.datasource.http.Backoff;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DatasourceSelectorTest {
  private static final Duration LONG = Duration.ofSeconds(20);
  private final DatasourceSelector selector =
      new DatasourceSelector(
          new Backoff(Integer.MAX_VALUE, Duration.ofMillis(1), Duration.ofMillis(5), 0));

  private static Candidate c(Datasource ds) {
    return new Candidate(ds, LONG);
  }

  @Test
  void select_sourcesAvailableTogether_firstInListWins() throws Exception {
    FakeDatasource a = FakeDatasource.availableAfter("a", 0);
    FakeDatasource b = FakeDatasource.availableAfter("b", 0);
    // Both are available at their first probe; repeat to show the order is not a race.
    for (int i = 0; i < 20; i++) {
      assertThat(selector.select(List.of(c(a), c(b)), Deadline.in(LONG)).type()).isEqualTo("a");
      assertThat(selector.select(List.of(c(b), c(a)), Deadline.in(LONG)).type()).isEqualTo("b");
    }
  }

  @Test
  void select_sourceThatBecomesAvailable_isProbedAgainUntilItIs() throws Exception {
    FakeDatasource late = FakeDatasource.availableAfter("late", 3);
    FakeDatasource never = FakeDatasource.never("never", new ProbeFailure("HTTP 503", false));
    assertThat(selector.select(List.of(c(never), c(late)), Deadline.in(LONG))).isSameAs(late);
    assertThat(late.probes.get()).isEqualTo(4);
  }

  @Test
  void select_permanentFailures_giveUpEarlyAndNameEverySource() {
    FakeDatasource a =
        FakeDatasource.never("ec2-metadata", new ProbeFailure("HTTP 403 (IMDS disabled)", true));
    FakeDatasource b = FakeDatasource.checkedOnce("proc-cmdline");
    NoDatasourceException e =
        assertThrows(
            NoDatasourceException.class,
            () -> selector.select(List.of(c(a), c(b)), Deadline.in(LONG)));
    assertThat(e.getMessage())
        .isEqualTo(
            "no datasource available; tried ec2-metadata (HTTP 403 (IMDS disabled)), proc-cmdline (unavailable)");
    assertThat(a.probes.get()).isEqualTo(1);
    assertThat(b.probes.get()).isEqualTo(1);
  }

  @Test
  void select_deadline_endsProbingAndStopsTheThreads() throws Exception {
    FakeDatasource flaky =
        FakeDatasource.never("gce-metadata", new ProbeFailure("connection refused", false));
    FakeDatasource stuck = FakeDatasource.hanging("url");
    NoDatasourceException e =
        assertThrows(
            NoDatasourceException.class,
            () ->
                selector.select(List.of(c(flaky), c(stuck)), Deadline.in(Duration.ofMillis(300))));
    assertThat(e.getMessage())
        .startsWith(
            "no datasource available in time; tried gce-metadata (connection refused), url (");
    assertThat(flaky.probes.get()).isGreaterThan(1);
    assertThat(stuck.interrupted).isTrue();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().startsWith("kindling-probe-") && t.isAlive());
  }

  @Test
  void select_perSourceBudget_isHonouredWithinTheOverallDeadline() {
    FakeDatasource flaky =
        FakeDatasource.never("digitalocean-metadata", new ProbeFailure("HTTP 500", false));
    assertThrows(
        NoDatasourceException.class,
        () ->
            selector.select(
                List.of(new Candidate(flaky, Duration.ofMillis(50))), Deadline.in(LONG)));
    // Gave up on its budget, long before the overall deadline (the test's timeout guards that).
    assertThat(flaky.probes.get()).isGreaterThan(0);
  }

  @Test
  void select_probeThatThrows_isAPermanentFailure() {
    Datasource broken =
        new FakeDatasourceWrapper("broken") {
          @Override
          public boolean isAvailable(Deadline deadline) {
            throw new IllegalStateException("boom");
          }
        };
    NoDatasourceException e =
        assertThrows(
            NoDatasourceException.class,
            () -> selector.select(List.of(c(broken)), Deadline.in(LONG)));
    assertThat(e.getMessage())
        .contains("broken (probe failed: java.lang.IllegalStateException: boom)");
  }

  @Test
  void select_noCandidates_fails() {
    assertThrows(NoDatasourceException.class, () -> selector.select(List.of(), Deadline.in(LONG)));
  }

  /** A datasource whose probe a test overrides. */
  private abstract static class FakeDatasourceWrapper implements Datasource {
    private final String type;

    FakeDatasourceWrapper(String type) {
      this.type = type;
    }

    @Override
    public String type() {
      return type;
    }

    @Override
    public boolean availabilityChanges() {
      return true;
    }

    @Override
    public java.util.Optional<byte[]> fetchUserData(Deadline deadline) {
      return java.util.Optional.empty();
    }

    @Override
    public dev.kindling.metadata.Metadata fetchMetadata(Deadline deadline) {
      return dev.kindling.metadata.Metadata.empty();
    }
  }
}
