package dev.kindling.agent;

import dev.kindling.apply.ProcessRunner;
import dev.kindling.apply.SystemProcessRunner;
import dev.kindling.apply.systemd.DbusSystemdManager;
import dev.kindling.apply.systemd.SystemdException;
import dev.kindling.apply.systemd.SystemdManager;
import dev.kindling.datasource.CommandRunner;
import dev.kindling.datasource.Datasource;
import dev.kindling.datasource.DatasourceLocator;
import dev.kindling.datasource.DatasourceSelector;
import dev.kindling.datasource.Deadline;
import dev.kindling.datasource.DmiInfo;
import dev.kindling.datasource.LocalInterfaces;
import dev.kindling.datasource.ProcCmdlineDatasource;
import dev.kindling.datasource.ProcessCommandRunner;
import dev.kindling.datasource.SourceContext;
import dev.kindling.datasource.configdrive.ConfigDriveLocator;
import dev.kindling.datasource.configdrive.LabeledConfigDriveDatasource;
import dev.kindling.datasource.http.Backoff;
import dev.kindling.datasource.http.MetadataClient;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Every effect the agent has beyond the target root's files, passed in once: production uses {@link
 * #system()}, tests pass loopback clients, fake runners and directories of their own.
 *
 * @param clock the report's timestamps
 * @param systemRoot the running system's root, below which local sources read their files
 * @param processes makes the runner for the programs {@code run} starts ({@code useradd}, ...)
 * @param commands runs the programs datasources need ({@code vmware-rpctool}, {@code blkid}, ...)
 * @param systemd connects to the running system's systemd ({@code --systemd dbus})
 * @param httpClients makes the HTTP client of one acquisition (closed after it) and of key imports
 * @param variables the process environment ({@code COREOS_*} template fallbacks)
 * @param dmiRoot where {@code sys_vendor}, {@code product_name}, {@code chassis_asset_tag} are read
 *     for {@code --auto}
 * @param procCmdline the kernel command line file
 * @param locators the discoverers {@code --auto} runs (the drive labelled {@code config-2})
 * @param probeSchedule the wait between availability probes of one source
 * @param interfaces the machine's network interfaces
 * @param runningAsRoot whether this process may set file owners
 */
public record AgentEnvironment(
    Clock clock,
    Path systemRoot,
    Supplier<ProcessRunner> processes,
    CommandRunner commands,
    SystemdConnector systemd,
    Supplier<MetadataClient> httpClients,
    Map<String, String> variables,
    Path dmiRoot,
    Path procCmdline,
    List<DatasourceLocator> locators,
    Backoff probeSchedule,
    LocalInterfaces interfaces,
    BooleanSupplier runningAsRoot) {

  /** Connects to systemd over D-Bus. */
  @FunctionalInterface
  public interface SystemdConnector {
    /** A manager of the running system; the caller closes it. */
    SystemdManager connect() throws SystemdException;
  }

  public AgentEnvironment {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(systemRoot, "systemRoot");
    Objects.requireNonNull(processes, "processes");
    Objects.requireNonNull(commands, "commands");
    Objects.requireNonNull(systemd, "systemd");
    Objects.requireNonNull(httpClients, "httpClients");
    variables = Map.copyOf(variables);
    Objects.requireNonNull(dmiRoot, "dmiRoot");
    Objects.requireNonNull(procCmdline, "procCmdline");
    locators = List.copyOf(locators);
    Objects.requireNonNull(probeSchedule, "probeSchedule");
    Objects.requireNonNull(interfaces, "interfaces");
    Objects.requireNonNull(runningAsRoot, "runningAsRoot");
  }

  /** The running machine: the real programs, systemd, network, DMI and kernel command line. */
  public static AgentEnvironment system() {
    return new AgentEnvironment(
        Clock.systemUTC(),
        Path.of("/"),
        SystemProcessRunner::fromEnvironment,
        new ProcessCommandRunner(),
        DbusSystemdManager::connectSystemBus,
        () -> MetadataClient.builder().build(),
        System.getenv(),
        DmiInfo.DEFAULT_ROOT,
        ProcCmdlineDatasource.DEFAULT_CMDLINE,
        List.of(CONFIG_DRIVE),
        DatasourceSelector.DEFAULT_SCHEDULE,
        LocalInterfaces.system(),
        AgentEnvironment::uidIsZero);
  }

  /**
   * The drive labelled {@code config-2}, offered on every platform: its own probe looks for the
   * device and mounts it (read-only) only to read it.
   */
  static final DatasourceLocator CONFIG_DRIVE =
      new DatasourceLocator() {
        @Override
        public String name() {
          return "config-2 drive";
        }

        @Override
        public List<Datasource> locate(Deadline deadline) {
          return List.of(new LabeledConfigDriveDatasource(ConfigDriveLocator.system()));
        }
      };

  /** What datasources of one acquisition may use. */
  SourceContext sourceContext(MetadataClient client) {
    return new SourceContext(client, commands, systemRoot, procCmdline, interfaces);
  }

  private static boolean uidIsZero() {
    // The real uid as UnixSystem.getUid() gives it, from /proc, without loading UnixSystem's JNI
    // library (several milliseconds of every run); read with java.io's stream, which the JVM has
    // set up already (the first NIO stream costs milliseconds more).
    try (FileInputStream in = new FileInputStream("/proc/self/status")) {
      OptionalLong uid = realUid(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
      if (uid.isPresent()) {
        return uid.getAsLong() == 0;
      }
    } catch (IOException e) {
      // no /proc: ask the JDK
    }
    try {
      return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** The real uid in the text of {@code /proc/PID/status}: the first number of its Uid line. */
  static OptionalLong realUid(String status) {
    String key = "Uid:";
    // A line break in front makes the first line like the others; indices stay the original's.
    int at = ("\n" + status).indexOf("\n" + key);
    if (at < 0) {
      return OptionalLong.empty();
    }
    int i = at + key.length();
    while (i < status.length() && (status.charAt(i) == ' ' || status.charAt(i) == '\t')) {
      i++;
    }
    int start = i;
    while (i < status.length()
        && i - start < 10
        && status.charAt(i) >= '0'
        && status.charAt(i) <= '9') {
      i++;
    }
    return i == start
        ? OptionalLong.empty()
        : OptionalLong.of(Long.parseLong(status.substring(start, i)));
  }
}
