package dev.kindling.datasource;

import java.util.Objects;
import java.util.Optional;

/**
 * The base of the datasources found by probing an HTTP service: its type name, the {@link
 * HttpProbe} that says why its last probe failed, and it may become available later (the network or
 * the service may still be coming up).
 */
public abstract class HttpDatasource implements Datasource, ProbeReporting {
  private final DatasourceType type;
  private final HttpProbe probe;

  /** A datasource of {@code type} whose {@link #isAvailable} runs {@code probe}. */
  protected HttpDatasource(DatasourceType type, HttpProbe probe) {
    this.type = Objects.requireNonNull(type, "type");
    this.probe = Objects.requireNonNull(probe, "probe");
  }

  @Override
  public final String type() {
    return type.name();
  }

  @Override
  public final boolean availabilityChanges() {
    return true;
  }

  @Override
  public final Optional<ProbeFailure> lastProbeFailure() {
    return probe.lastFailure();
  }

  /** The availability probe, for {@link #isAvailable}. */
  protected final HttpProbe probe() {
    return probe;
  }
}
