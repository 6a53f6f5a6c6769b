package dev.kindling.plan;

/**
 * Where systemd and systemd-networkd files go, as in coreos-cloudinit: {@code /etc} for persistent
 * units, {@code /run} for runtime ones, {@code systemd/system} or {@code systemd/network} by the
 * unit's group, drop-ins in {@code <unit>.d/}.
 */
public final class SystemdPaths {
  /** The name of the drop-in the service sections render ({@code etcd2.service.d/...}). */
  public static final String DROP_IN_NAME = "20-cloudinit.conf";

  /** Persistent unit files. */
  public static final String ETC = "/etc/systemd";

  /** Runtime unit files, gone at reboot. */
  public static final String RUN = "/run/systemd";

  private SystemdPaths() {}

  /** The directory of a unit: {@code /etc/systemd/system}, {@code /run/systemd/network}, ... */
  public static String unitDirectory(UnitName unit, boolean runtime) {
    return (runtime ? RUN : ETC) + "/" + unit.group();
  }

  /** The unit file's path, e.g. {@code /etc/systemd/system/b.service}. */
  public static String unitPath(UnitName unit, boolean runtime) {
    return unitDirectory(unit, runtime) + "/" + unit.name();
  }

  /** A drop-in's path, e.g. {@code /run/systemd/system/etcd2.service.d/20-cloudinit.conf}. */
  public static String dropInPath(UnitName unit, boolean runtime, String dropIn) {
    return unitPath(unit, runtime) + ".d/" + dropIn;
  }

  /** Where a runtime mask of the unit would be: {@code /run/systemd/<group>/<name>}. */
  public static String runtimeUnitPath(UnitName unit) {
    return unitPath(unit, true);
  }
}
