package dev.kindling.datasource;

/**
 * A datasource found by probing an HTTP service: it says why its last probe failed, and it may
 * become available later (the network or the service may still be coming up).
 */
public interface HttpDatasource extends Datasource, ProbeReporting {
  @Override
  public default boolean availabilityChanges() {
    return true;
  }
}
