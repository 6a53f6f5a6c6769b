package dev.kindling.datasource.vmware;

import dev.kindling.datasource.CommandRunner;
import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.Deadline;
import dev.kindling.datasource.LocalFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guestinfo variables from the VMware hypervisor through {@code vmware-rpctool "info-get
 * guestinfo.<key>"} (open-vm-tools). Available in a VMware VM (DMI {@code sys_vendor}) where the
 * tool runs. As in the original, a non-empty {@code guestinfo.ovfenv} (an OVF environment passed as
 * a variable) takes over: its properties are then the variables.
 *
 * <p>Wiring: {@code new VmwareGuestinfoDatasource(new RpctoolGuestinfoSource(runner, Path.of("/")),
 * fetcher)}.
 */
public final class RpctoolGuestinfoSource implements GuestinfoSource {
  private static final Logger LOG = LoggerFactory.getLogger(RpctoolGuestinfoSource.class);

  /** The program that talks to the hypervisor. */
  public static final String RPCTOOL = "vmware-rpctool";

  private final CommandRunner runner;
  private final Path root;
  private Optional<Map<String, String>> ovfEnvironment;

  /**
   * A source.
   *
   * @param runner runs {@code vmware-rpctool}
   * @param root the root the DMI files are read under ({@code /} in production)
   */
  public RpctoolGuestinfoSource(CommandRunner runner, Path root) {
    this.runner = Objects.requireNonNull(runner, "runner");
    this.root = Objects.requireNonNull(root, "root");
  }

  @Override
  public boolean isAvailable(Deadline deadline) throws InterruptedException {
    Path vendorFile = root.resolve("sys/class/dmi/id/sys_vendor");
    String vendor;
    try {
      vendor =
          LocalFiles.readPrefixIfExists(vendorFile, 256, deadline)
              .map(b -> new String(b, StandardCharsets.UTF_8))
              .orElse("");
    } catch (DatasourceException e) {
      LOG.debug("{}", e.getMessage());
      return false;
    }
    if (!vendor.strip().toLowerCase(Locale.ROOT).startsWith("vmware")) {
      return false;
    }
    try {
      runner.run(List.of(RPCTOOL, "info-get guestinfo.hostname"), deadline);
      return true;
    } catch (IOException e) {
      LOG.warn("a VMware VM, but {} cannot run: {}", RPCTOOL, e.getMessage());
      return false;
    }
  }

  @Override
  public synchronized Optional<String> get(String key, Deadline deadline)
      throws DatasourceException, InterruptedException {
    if (ovfEnvironment == null) {
      Optional<String> ovfenv = rpc("ovfenv", deadline);
      ovfEnvironment = Optional.empty();
      if (ovfenv.isPresent()) {
        LOG.info("using the OVF environment in guestinfo.ovfenv");
        ovfEnvironment =
            Optional.of(
                OvfEnvironment.properties(
                    ovfenv.get().getBytes(StandardCharsets.UTF_8), "guestinfo.ovfenv"));
      }
    }
    if (ovfEnvironment.isPresent()) {
      return Optional.ofNullable(ovfEnvironment.get().get("guestinfo." + key))
          .filter(v -> !v.isEmpty());
    }
    return rpc(key, deadline);
  }

  private Optional<String> rpc(String key, Deadline deadline)
      throws DatasourceException, InterruptedException {
    CommandRunner.Result result;
    try {
      result = runner.run(List.of(RPCTOOL, "info-get guestinfo." + key), deadline);
    } catch (IOException e) {
      throw new DatasourceException("failed to read guestinfo." + key + ": " + e.getMessage(), e);
    }
    if (!result.succeeded()) {
      // "No value found": the variable is not set.
      LOG.debug("guestinfo.{} is not set ({})", key, result.firstErrorLine());
      return Optional.empty();
    }
    String value = result.stdout();
    if (value.endsWith("\n")) {
      value = value.substring(0, value.length() - 1);
    }
    LOG.debug("read guestinfo.{} ({} chars)", key, value.length());
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  @Override
  public String toString() {
    return "RpctoolGuestinfoSource";
  }
}
