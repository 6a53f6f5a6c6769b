package dev.kindling.plan;

import dev.kindling.config.EnvSection;
import dev.kindling.value.GoQuote;
import java.util.Optional;

/**
 * Renders {@code coreos.oem} to {@code /etc/oem-release} exactly as the original (upstream
 * system/oem.go): {@code ID} and {@code VERSION_ID} unquoted, {@code NAME}, {@code HOME_URL} and
 * {@code BUG_REPORT_URL} Go-quoted (empty ones too); written only when {@code id} is set.
 */
public final class OemRelease {
  /** Where the OEM release file goes. */
  public static final String PATH = "/etc/oem-release";

  private OemRelease() {}

  /** The file content, or empty when {@code id} is not set. */
  public static Optional<String> render(EnvSection oem) {
    String id = oem.string("id");
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "ID="
            + id
            + "\nVERSION_ID="
            + oem.string("version_id")
            + "\nNAME="
            + GoQuote.quote(oem.string("name"))
            + "\nHOME_URL="
            + GoQuote.quote(oem.string("home_url"))
            + "\nBUG_REPORT_URL="
            + GoQuote.quote(oem.string("bug_report_url"))
            + "\n");
  }
}
