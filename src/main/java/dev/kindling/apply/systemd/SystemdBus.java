package dev.kindling.apply.systemd;

import java.util.List;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.Tuple;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.DBusMemberName;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/**
 * The slices of systemd's D-Bus API that Kindling calls, as dbus-java types (see
 * org.freedesktop.systemd1(5) and org.freedesktop.hostname1(5)). The nested types are public only
 * because dbus-java builds them by reflection; nothing outside this package uses them.
 */
final class SystemdBus {
  static final String SYSTEMD = "org.freedesktop.systemd1";
  static final String SYSTEMD_PATH = "/org/freedesktop/systemd1";
  static final String UNIT_INTERFACE = "org.freedesktop.systemd1.Unit";
  static final String SERVICE_INTERFACE = "org.freedesktop.systemd1.Service";
  static final String HOSTNAME = "org.freedesktop.hostname1";
  static final String HOSTNAME_PATH = "/org/freedesktop/hostname1";

  private SystemdBus() {}

  /** {@code org.freedesktop.systemd1.Manager}: the methods {@code run} uses. */
  @DBusInterfaceName("org.freedesktop.systemd1.Manager")
  public interface Manager extends DBusInterface {
    /** daemon-reload; the reply comes once the reload has finished. */
    @DBusMemberName("Reload")
    void reload();

    /** Queues a start job and returns its object path. */
    @DBusMemberName("StartUnit")
    DBusPath startUnit(String name, String mode);

    /** Queues a stop job. */
    @DBusMemberName("StopUnit")
    DBusPath stopUnit(String name, String mode);

    /** Queues a restart job. */
    @DBusMemberName("RestartUnit")
    DBusPath restartUnit(String name, String mode);

    /** Queues a reload job. */
    @DBusMemberName("ReloadUnit")
    DBusPath reloadUnit(String name, String mode);

    /** Queues a try-restart job (restart only if running). */
    @DBusMemberName("TryRestartUnit")
    DBusPath tryRestartUnit(String name, String mode);

    /** Queues a reload-or-restart job. */
    @DBusMemberName("ReloadOrRestartUnit")
    DBusPath reloadOrRestartUnit(String name, String mode);

    /** Queues a reload-or-try-restart job. */
    @DBusMemberName("ReloadOrTryRestartUnit")
    DBusPath reloadOrTryRestartUnit(String name, String mode);

    /** Creates the [Install] symlinks of unit files; returns (carries_install_info, changes). */
    @DBusMemberName("EnableUnitFiles")
    Pair<Boolean, List<UnitFileChange>> enableUnitFiles(
        List<String> files, boolean runtime, boolean force);

    /** Creates and starts a transient unit from properties. */
    @DBusMemberName("StartTransientUnit")
    DBusPath startTransientUnit(
        String name, String mode, List<Property> properties, List<AuxUnit> aux);

    /** The object path of a loaded unit ({@code NoSuchUnit} if it is not loaded). */
    @DBusMemberName("GetUnit")
    DBusPath getUnit(String name);

    /** The object path of a unit, loading it first if needed (not-found units load too). */
    @DBusMemberName("LoadUnit")
    DBusPath loadUnit(String name);

    /** Resets the failed state of a unit (a transient unit is then garbage-collected). */
    @DBusMemberName("ResetFailedUnit")
    void resetFailedUnit(String name);

    /**
     * Sent when a job finishes: its id, path, unit and result ({@code done}, {@code failed}...).
     */
    class JobRemoved extends DBusSignal {
      private final DBusPath job;
      private final String unit;
      private final String result;

      /** Called by dbus-java with the signal's arguments ({@code uoss}). */
      public JobRemoved(String path, UInt32 id, DBusPath job, String unit, String result)
          throws DBusException {
        super(path, id, job, unit, result);
        this.job = job;
        this.unit = unit;
        this.result = result;
      }

      String jobPath() {
        return job.getPath();
      }

      String unit() {
        return unit;
      }

      String result() {
        return result;
      }
    }
  }

  /** {@code org.freedesktop.hostname1}: the hostname setters. */
  @DBusInterfaceName("org.freedesktop.hostname1")
  public interface Hostname1 extends DBusInterface {
    /** Writes /etc/hostname. */
    @DBusMemberName("SetStaticHostname")
    void setStaticHostname(String hostname, boolean interactive);

    /** Sets the kernel (transient) hostname. */
    @DBusMemberName("SetHostname")
    void setHostname(String hostname, boolean interactive);
  }

  /** A two-value reply (dbus-java needs a generic tuple to read the value types). */
  public static final class Pair<A, B> extends Tuple {
    @Position(0)
    private final A first;

    @Position(1)
    private final B second;

    /** Called by dbus-java. */
    public Pair(A first, B second) {
      this.first = first;
      this.second = second;
    }

    A first() {
      return first;
    }

    B second() {
      return second;
    }
  }

  /** One change made by an *UnitFiles call: type ({@code symlink}, {@code unlink}), file, dest. */
  public static final class UnitFileChange extends Struct {
    @Position(0)
    private final String type;

    @Position(1)
    private final String file;

    @Position(2)
    private final String destination;

    /** Called by dbus-java. */
    public UnitFileChange(String type, String file, String destination) {
      this.type = type;
      this.file = file;
      this.destination = destination;
    }

    String describe() {
      return type + " " + file + " -> " + destination;
    }
  }

  /** A unit property for StartTransientUnit ({@code (sv)}). */
  @SuppressWarnings("UnusedVariable") // the fields are read by dbus-java (@Position)
  public static final class Property extends Struct {
    @Position(0)
    private final String name;

    @Position(1)
    private final Variant<?> value;

    /** A property named as in org.freedesktop.systemd1(5), with its D-Bus typed value. */
    public Property(String name, Variant<?> value) {
      this.name = name;
      this.value = value;
    }

    String name() {
      return name;
    }
  }

  /** One ExecStart= command line ({@code (sasb)}: path, argv, ignore failure). */
  @SuppressWarnings("UnusedVariable") // the fields are read by dbus-java (@Position)
  public static final class ExecCommand extends Struct {
    @Position(0)
    private final String path;

    @Position(1)
    private final List<String> argv;

    @Position(2)
    private final boolean ignoreFailure;

    /** argv includes argv[0]. */
    public ExecCommand(String path, List<String> argv, boolean ignoreFailure) {
      this.path = path;
      this.argv = List.copyOf(argv);
      this.ignoreFailure = ignoreFailure;
    }
  }

  /** An auxiliary unit of StartTransientUnit ({@code (sa(sv))}); Kindling passes none. */
  public static final class AuxUnit extends Struct {
    @Position(0)
    private final String name;

    @Position(1)
    private final List<Property> properties;

    /** Called by dbus-java. */
    public AuxUnit(String name, List<Property> properties) {
      this.name = name;
      this.properties = List.copyOf(properties);
    }

    String name() {
      return name;
    }

    List<Property> properties() {
      return properties;
    }
  }
}
