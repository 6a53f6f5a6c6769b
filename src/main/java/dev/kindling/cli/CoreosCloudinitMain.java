package dev.kindling.cli;

import dev.kindling.apply.systemd.SystemdManagers;
import dev.kindling.datasource.DatasourceException;
import dev.kindling.plan.PlanOptions;
import dev.kindling.validate.Entry;
import dev.kindling.validate.FileReport;
import dev.kindling.validate.Validator;
import dev.kindling.value.GoQuote;
import dev.kindling.value.Redaction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code coreos-cloudinit} compatibility launcher: the original's single-dash flags, messages
 * and exit codes, mapped onto {@code kindling run} and {@code validate}. Fixes two upstream quirks:
 * explicit flags win over {@code -oem} presets, and the list of OEMs in the error message is sorted
 * (docs/compatibility.md#explicit-flags-win-over-oem-presets,
 * docs/compatibility.md#the-oem-list-is-sorted).
 */
public final class CoreosCloudinitMain {
  static final String PROGRAM = "coreos-cloudinit";
  static final String DEFAULT_EC2 = "http://169.254.169.254/";

  /** The -oem presets of coreos-cloudinit, by name, sorted. */
  static final Map<String, Map<String, String>> OEMS = oems();

  private CoreosCloudinitMain() {}

  private static Map<String, Map<String, String>> oems() {
    Map<String, Map<String, String>> m = new LinkedHashMap<>();
    m.put("azure", Map.of("from-waagent", "/var/lib/waagent"));
    m.put("cloudsigma", Map.of("from-cloudsigma-metadata", "true"));
    m.put("digitalocean", Map.of("from-digitalocean-metadata", DEFAULT_EC2));
    m.put(
        "ec2-compat",
        Map.of("from-ec2-metadata", DEFAULT_EC2, "from-configdrive", "/media/configdrive"));
    m.put("gce", Map.of("from-gce-metadata", "http://metadata.google.internal/"));
    m.put("packet", Map.of("from-packet-metadata", "https://metadata.packet.net/"));
    m.put(
        "rackspace-onmetal",
        Map.of("from-configdrive", "/media/configdrive", "convert-netconf", "debian"));
    m.put("vmware", Map.of("from-vmware-guestinfo", "true", "convert-netconf", "vmware"));
    return m;
  }

  /** Runs the launcher and exits with its status. */
  public static void main(String[] args) {
    StdStreams std = new StdStreams();
    std.exit(run(args, std.out, std.err));
  }

  static GoFlags flags() {
    return new GoFlags(PROGRAM)
        .bool("version", "Print the version and exit")
        .bool(
            "ignore-failure", "Exits with 0 status in the event of malformed input from user-data")
        .string("from-file", "", "Read user-data from provided file")
        .string("from-configdrive", "", "Read data from provided cloud-drive directory")
        .string("from-waagent", "", "Read data from provided waagent directory")
        .bool(
            "from-metadata-service",
            "[DEPRECATED - Use -from-ec2-metadata] Download data from metadata service")
        .string("from-ec2-metadata", "", "Download EC2 data from the provided url")
        .string("from-gce-metadata", "", "Download GCE data from the provided url")
        .bool("from-cloudsigma-metadata", "Download data from CloudSigma server context")
        .string(
            "from-digitalocean-metadata", "", "Download DigitalOcean data from the provided url")
        .string("from-packet-metadata", "", "Download Packet data from metadata service")
        .string("from-url", "", "Download user-data from provided url")
        .bool(
            "from-proc-cmdline",
            "Parse /proc/cmdline for 'cloud-config-url=<url>', using the cloud-config served by an"
                + " HTTP GET to <url>")
        .bool("from-vmware-guestinfo", "Read data from VMware guestinfo")
        .string("from-vmware-ovf-env", "", "Read data from OVF Environment")
        .string("oem", "", "Use the settings specific to the provided OEM")
        .string(
            "convert-netconf",
            "",
            "Read the network config provided in cloud-drive and translate it from the specified"
                + " format into networkd unit files")
        .string(
            "workspace",
            PlanOptions.DEFAULT_WORKSPACE,
            "Base directory coreos-cloudinit should use to store data")
        .string(
            "ssh-key-name",
            PlanOptions.DEFAULT_SSH_KEY_NAME,
            "Add SSH keys to the system with the given name")
        .bool("validate", "[EXPERIMENTAL] Validate the user-data but do not apply it to the system")
        .string("root", "/", "(kindling) Apply under this directory instead of /")
        .string("systemd", "dbus", "(kindling) dbus, or none to only record systemd calls")
        .string("report", "", "(kindling) Write the JSON run report to this file")
        .string(
            "timeout",
            "300",
            "(kindling) Seconds to wait for a datasource (the original's 5 minutes)");
  }

  /** Runs the launcher with the given streams and returns its exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    GoFlags flags = flags();
    GoFlags.Result parsed = flags.parse(args);
    if (parsed instanceof GoFlags.Help) {
      err.print(flags.usage());
      err.flush();
      return ExitCodes.OK;
    }
    if (parsed instanceof GoFlags.Failed failed) {
      err.println(failed.message());
      err.print(flags.usage());
      err.flush();
      return ExitCodes.USAGE;
    }
    String oem = flags.get("oem");
    if (!oem.isEmpty()) {
      Map<String, String> preset = OEMS.get(oem);
      if (preset == null) {
        out.println(
            "Invalid option to -oem: "
                + GoQuote.quote(oem)
                + ". Supported options: ["
                + OEMS.keySet().stream().map(GoQuote::quote).collect(Collectors.joining(" "))
                + "]");
        return ExitCodes.USAGE;
      }
      preset.forEach(
          (name, value) -> {
            if (!flags.isSet(name)) {
              flags.set(name, value);
            }
          });
    }
    if (flags.isTrue("version")) {
      out.println(PROGRAM + " " + new VersionProvider().getVersion()[0].replace(' ', '-'));
      return ExitCodes.OK;
    }
    String netconf = flags.get("convert-netconf");
    if (!List.of("", "debian", "packet", "vmware").contains(netconf)) {
      out.println(
          "Invalid option to -convert-netconf: '"
              + netconf
              + "'. Supported options: 'debian, packet, vmware'");
      return ExitCodes.USAGE;
    }
    if (!flags.get("from-vmware-ovf-env").isEmpty()) {
      err.println("-from-vmware-ovf-env is not supported by kindling yet");
      return ExitCodes.USAGE;
    }
    Optional<SourceOptions> sources = sources(flags);
    if (sources.isEmpty()) {
      out.println(
          "Provide at least one of --from-file, --from-configdrive, --from-ec2-metadata,"
              + " --from-gce-metadata, --from-cloudsigma-metadata, --from-packet-metadata,"
              + " --from-digitalocean-metadata, --from-vmware-guestinfo, --from-waagent,"
              + " --from-url or --from-proc-cmdline");
      return ExitCodes.USAGE;
    }
    Optional<Duration> timeout = timeout(flags.get("timeout"));
    if (timeout.isEmpty()) {
      err.println("invalid value " + GoQuote.quote(flags.get("timeout")) + " for -timeout");
      return ExitCodes.USAGE;
    }
    if (flags.isTrue("validate")) {
      return validate(sources.get(), timeout.get(), err);
    }
    SystemdManagers.Mode mode;
    switch (flags.get("systemd")) {
      case "dbus" -> mode = SystemdManagers.Mode.DBUS;
      case "none" -> mode = SystemdManagers.Mode.NONE;
      default -> {
        err.println("invalid value " + GoQuote.quote(flags.get("systemd")) + " for -systemd");
        return ExitCodes.USAGE;
      }
    }
    String report = flags.get("report");
    ApplyFlow.Request request =
        new ApplyFlow.Request(
            "run",
            sources.get(),
            Optional.empty(),
            Path.of(flags.get("root")),
            mode,
            report.isEmpty() ? Optional.empty() : Optional.of(Path.of(report)),
            new PlanOptions(flags.get("ssh-key-name"), flags.get("workspace"), netconf, ""),
            flags.isTrue("ignore-failure"),
            timeout.get(),
            ExitCodes.FAILED,
            System.getenv());
    return ApplyFlow.run(request, err, prepared -> {});
  }

  /** The sources the flags name, or empty when none is given. */
  static Optional<SourceOptions> sources(GoFlags flags) {
    SourceOptions s = new SourceOptions();
    boolean any = false;
    if (!flags.get("from-file").isEmpty()) {
      s.fromFile = Path.of(flags.get("from-file"));
      any = true;
    }
    if (!flags.get("from-url").isEmpty()) {
      s.fromUrl = flags.get("from-url");
      any = true;
    }
    if (!flags.get("from-configdrive").isEmpty()) {
      s.fromConfigDrive = Path.of(flags.get("from-configdrive"));
      any = true;
    }
    if (flags.isTrue("from-metadata-service")) {
      s.fromEc2Metadata = DEFAULT_EC2;
      any = true;
    }
    if (!flags.get("from-ec2-metadata").isEmpty()) {
      s.fromEc2Metadata = flags.get("from-ec2-metadata");
      any = true;
    }
    if (!flags.get("from-gce-metadata").isEmpty()) {
      s.fromGceMetadata = flags.get("from-gce-metadata");
      any = true;
    }
    if (flags.isTrue("from-cloudsigma-metadata")) {
      s.fromCloudSigmaMetadata = true;
      any = true;
    }
    if (!flags.get("from-digitalocean-metadata").isEmpty()) {
      s.fromDigitalOceanMetadata = flags.get("from-digitalocean-metadata");
      any = true;
    }
    if (!flags.get("from-waagent").isEmpty()) {
      s.fromWaagent = Path.of(flags.get("from-waagent"));
      any = true;
    }
    if (!flags.get("from-packet-metadata").isEmpty()) {
      s.fromPacketMetadata = flags.get("from-packet-metadata");
      any = true;
    }
    if (flags.isTrue("from-proc-cmdline")) {
      s.fromProcCmdline = true;
      any = true;
    }
    if (flags.isTrue("from-vmware-guestinfo")) {
      s.fromVmwareGuestinfo = true;
      any = true;
    }
    return any ? Optional.of(s) : Optional.empty();
  }

  /** A positive number of seconds, or empty. */
  private static Optional<Duration> timeout(String seconds) {
    try {
      long value = Long.parseLong(seconds);
      return value > 0 ? Optional.of(Duration.ofSeconds(value)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code -validate}: fetch the user data, print each finding as the original's log line ({@code
   * line N: kind: message}) and exit 1 when there is any, as the original did.
   */
  private static int validate(SourceOptions sources, Duration timeout, PrintWriter err) {
    Acquired acquired;
    try {
      acquired = SourceAcquirer.acquire(sources, timeout);
    } catch (DatasourceException e) {
      err.println(logPrefix() + "No datasources available in time");
      return ExitCodes.FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.FAILED;
    }
    FileReport report =
        Validator.validate("user-data", acquired.userData().orElse(new byte[0]), Optional.empty());
    for (Entry e : report.entries()) {
      int line = e.finding().position().map(p -> p.line()).orElse(0);
      err.println(
          logPrefix()
              + "line "
              + line
              + ": "
              + e.finding().severity().label()
              + ": "
              + Redaction.message(e.finding().message(), e.finding().path().segments()));
    }
    err.flush();
    return report.entries().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  /** Go's {@code log.LstdFlags} prefix: {@code 2006/01/02 15:04:05 }. */
  private static String logPrefix() {
    return LocalDateTime.now(ZoneId.systemDefault())
        .format(DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss "));
  }
}
