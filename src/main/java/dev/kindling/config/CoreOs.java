package dev.kindling.config;

import java.util.List;
import java.util.Objects;

/** The {@code coreos} section. */
public record CoreOs(
    EnvSection etcd,
    EnvSection etcd2,
    EnvSection flannel,
    EnvSection fleet,
    EnvSection locksmith,
    EnvSection oem,
    EnvSection update,
    List<Unit> units) {
  public CoreOs {
    Objects.requireNonNull(etcd, "etcd");
    Objects.requireNonNull(etcd2, "etcd2");
    Objects.requireNonNull(flannel, "flannel");
    Objects.requireNonNull(fleet, "fleet");
    Objects.requireNonNull(locksmith, "locksmith");
    Objects.requireNonNull(oem, "oem");
    Objects.requireNonNull(update, "update");
    units = List.copyOf(units);
  }

  /** A section with nothing set. */
  public static CoreOs empty() {
    return new CoreOs(
        EnvSection.empty(ServiceTables.ETCD),
        EnvSection.empty(ServiceTables.ETCD2),
        EnvSection.empty(ServiceTables.FLANNEL),
        EnvSection.empty(ServiceTables.FLEET),
        EnvSection.empty(ServiceTables.LOCKSMITH),
        EnvSection.empty(ServiceTables.OEM),
        EnvSection.empty(ServiceTables.UPDATE),
        List.of());
  }
}
