package dev.kindling.datasource;

/**
 * A datasource found by probing an HTTP service: it says why its last probe failed, and it may
 * become available later (the network or the service may still be coming up).
 */
interface HttpDatasource extends Datasource, ProbeReporting {
  @Override
  default boolean availabilityChanges() {
    return true;
  }
}
