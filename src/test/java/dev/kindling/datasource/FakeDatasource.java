package dev.kindling.datasource;

import dev.kindling.metadata.Metadata;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A hand-written fake: unavailable for a number of probes, then available (or never). */
public final class FakeDatasource implements Datasource, ProbeReporting {
  private final String type;
  private final int unavailableProbes;
  private final boolean changes;
  private final Optional<ProbeFailure> failure;
  public final AtomicInteger probes = new AtomicInteger();
  public volatile boolean interrupted;

  private FakeDatasource(
      String type, int unavailableProbes, boolean changes, Optional<ProbeFailure> failure) {
    this.type = type;
    this.unavailableProbes = unavailableProbes;
    this.changes = changes;
    this.failure = failure;
  }

  public static FakeDatasource availableAfter(String type, int unavailableProbes) {
    return new FakeDatasource(type, unavailableProbes, true, Optional.empty());
  }

  public static FakeDatasource never(String type, ProbeFailure failure) {
    return new FakeDatasource(type, Integer.MAX_VALUE, true, Optional.of(failure));
  }

  public static FakeDatasource checkedOnce(String type) {
    return new FakeDatasource(type, Integer.MAX_VALUE, false, Optional.empty());
  }

  /** Blocks in its probe until interrupted. */
  public static FakeDatasource hanging(String type) {
    return new FakeDatasource(type, -1, true, Optional.empty());
  }

  @Override
  public String type() {
    return type;
  }

  @Override
  public boolean isAvailable(Deadline deadline) throws InterruptedException {
    probes.incrementAndGet();
    if (unavailableProbes < 0) {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        interrupted = true;
        throw e;
      }
    }
    return probes.get() > unavailableProbes;
  }

  @Override
  public Optional<ProbeFailure> lastProbeFailure() {
    return failure;
  }

  @Override
  public boolean availabilityChanges() {
    return changes;
  }

  @Override
  public Optional<byte[]> fetchUserData(Deadline deadline) {
    return Optional.empty();
  }

  @Override
  public Metadata fetchMetadata(Deadline deadline) {
    return Metadata.empty();
  }
}
