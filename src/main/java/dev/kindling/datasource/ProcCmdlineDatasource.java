package dev.kindling.datasource;

import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.metadata.Metadata;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User data from the URL in the kernel command line's {@code cloud-config-url=} argument (as in the
 * original: {@code _} counts as {@code -} in the key, the last one wins); no metadata. Available
 * when the argument is there; checked once.
 */
public final class ProcCmdlineDatasource implements Datasource, ProbeReporting {
  /**
   * {@code --from-proc-cmdline}: the {@code cloud-config-url=} kernel argument; {@code --auto} uses
   * it on any platform when the argument is there (an explicit instruction).
   */
  public static final DatasourceType TYPE =
      DatasourceType.of(
              "proc-cmdline",
              "from-proc-cmdline",
              ArgumentKind.NONE,
              "Download user data from the cloud-config-url= kernel argument.",
              (none, context) -> new ProcCmdlineDatasource(context.client(), context.procCmdline()))
          .withLauncherUsage(
              "Parse /proc/cmdline for 'cloud-config-url=<url>', using the cloud-config served by an"
                  + " HTTP GET to <url>")
          .withAuto(machine -> hasCloudConfigUrl(machine.kernelCommandLine()));

  /** The kernel command line of the running system; tests pass a file of their own. */
  public static final Path DEFAULT_CMDLINE = Path.of("/proc/cmdline");

  static final String KEY = "cloud-config-url";
  private static final Logger LOG = LoggerFactory.getLogger(ProcCmdlineDatasource.class);

  private final MetadataClient client;
  private final Path cmdline;
  private volatile Optional<ProbeFailure> lastProbeFailure = Optional.empty();

  /** A datasource reading the command line from {@code cmdline}. */
  public ProcCmdlineDatasource(MetadataClient client, Path cmdline) {
    this.client = client;
    this.cmdline = cmdline;
  }

  @Override
  public String type() {
    return TYPE.name();
  }

  @Override
  public boolean isAvailable(Deadline deadline) {
    try {
      url();
      lastProbeFailure = Optional.empty();
      return true;
    } catch (DatasourceException e) {
      lastProbeFailure = Optional.of(new ProbeFailure(e.getMessage(), true));
      return false;
    }
  }

  @Override
  public Optional<ProbeFailure> lastProbeFailure() {
    return lastProbeFailure;
  }

  @Override
  public boolean availabilityChanges() {
    return false;
  }

  @Override
  public Optional<byte[]> fetchUserData(Deadline deadline)
      throws DatasourceException, InterruptedException {
    return Optional.of(UrlDatasource.download(client, url(), deadline));
  }

  @Override
  public Metadata fetchMetadata(Deadline deadline) {
    return Metadata.empty();
  }

  /** The URL of the last {@code cloud-config-url=} argument. */
  URI url() throws DatasourceException {
    String text;
    try {
      text = Files.readString(cmdline, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DatasourceException("failed to read " + cmdline + ": " + e.getMessage(), e);
    }
    Optional<String> value = find(text);
    if (value.isEmpty()) {
      throw new DatasourceException("no " + KEY + "= argument in " + cmdline);
    }
    try {
      URI uri = new URI(value.get());
      MetadataClient.checkScheme(uri);
      return uri;
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new DatasourceException(
          "failed to use the " + KEY + "= argument in " + cmdline + ": " + e.getMessage(), e);
    }
  }

  /** Whether a kernel command line has a {@code cloud-config-url=} argument ({@code --auto}). */
  public static boolean hasCloudConfigUrl(String cmdline) {
    return find(cmdline).isPresent();
  }

  /** The value of the last {@code cloud-config-url} argument of a command line. */
  static Optional<String> find(String cmdline) {
    Optional<String> found = Optional.empty();
    for (String token : cmdline.strip().split("\\s+", -1)) {
      int eq = token.indexOf('=');
      String key = (eq < 0 ? token : token.substring(0, eq)).replace('_', '-');
      if (!key.equals(KEY)) {
        continue;
      }
      if (eq < 0) {
        LOG.warn("found {} in the kernel command line with no value, ignoring", KEY);
        continue;
      }
      String value = token.substring(eq + 1);
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      found = Optional.of(value);
    }
    return found;
  }
}
