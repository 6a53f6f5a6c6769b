package dev.kindling.datasource.vmware;

import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.Deadline;
import dev.kindling.datasource.LocalFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Guestinfo variables from an OVF environment file ({@code --from-vmware-ovf-env FILE}, usually
 * {@code /media/ovfenv/ovf-env.xml}): the {@code guestinfo.<key>} properties of its {@code
 * PropertySection}. Available when the file exists.
 *
 * <p>Wiring: {@code new VmwareGuestinfoDatasource(new OvfEnvironmentGuestinfoSource(file),
 * fetcher)}.
 */
public final class OvfEnvironmentGuestinfoSource implements GuestinfoSource {
  private final Path file;
  private Map<String, String> properties;

  /** Variables read from the OVF environment document {@code file}. */
  public OvfEnvironmentGuestinfoSource(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  @Override
  public boolean isAvailable(Deadline deadline) {
    return LocalFiles.exists(file);
  }

  @Override
  public synchronized Optional<String> get(String key, Deadline deadline)
      throws DatasourceException, InterruptedException {
    if (properties == null) {
      Optional<byte[]> xml = LocalFiles.readIfExists(file, deadline);
      if (xml.isEmpty()) {
        throw new DatasourceException("failed to read " + file + ": no such file");
      }
      properties = OvfEnvironment.properties(xml.get(), file.toString());
    }
    return Optional.ofNullable(properties.get("guestinfo." + key)).filter(v -> !v.isEmpty());
  }

  @Override
  public String toString() {
    return "OvfEnvironmentGuestinfoSource[" + file + "]";
  }
}
