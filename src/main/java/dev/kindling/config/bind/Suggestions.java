package dev.kindling.config.bind;

import dev.kindling.config.CloudConfigSchema;
import dev.kindling.config.SchemaField;
import dev.kindling.config.StructSchema;
import dev.kindling.config.yaml.ConfigPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hints for unknown keys: a close sibling ("did you mean"), the place where a known key belongs
 * ("did you mean coreos.units?"), or a note that a cloud-init key is not implemented.
 */
final class Suggestions {
  /** cloud-init keys people carry over; coreos-cloudinit never implemented them. */
  private static final Set<String> CLOUD_INIT_TOP =
      Set.of(
          "packages",
          "package_update",
          "package_upgrade",
          "package_reboot_if_required",
          "apt",
          "yum_repos",
          "ca_certs",
          "ca-certs",
          "chpasswd",
          "ssh_pwauth",
          "disable_root",
          "timezone",
          "ntp",
          "locale",
          "mounts",
          "growpart",
          "resize_rootfs",
          "power_state",
          "final_message",
          "phone_home",
          "fqdn",
          "preserve_hostname",
          "prefer_fqdn_over_hostname",
          "ssh_keys",
          "ssh_deletekeys",
          "ssh_genkeytypes",
          "ssh_import_id",
          "groups",
          "user",
          "system_info",
          "snap",
          "rsyslog",
          "puppet",
          "chef",
          "salt_minion",
          "datasource",
          "merge_how",
          "merge_type",
          "manage_resolv_conf",
          "resolv_conf",
          "disk_setup",
          "fs_setup",
          "keyboard",
          "lxd",
          "seed_random",
          "create_hostname_file",
          "password",
          "random_seed",
          "vendor_data");

  private static final Set<String> CLOUD_INIT_USER =
      Set.of(
          "sudo",
          "lock_passwd",
          "plain_text_passwd",
          "hashed_passwd",
          "uid",
          "expiredate",
          "inactive",
          "selinux_user",
          "ssh_import_id",
          "ssh_redirect_user",
          "create_groups",
          "doas",
          "snapuser",
          "lock-passwd");

  private static final Set<String> CLOUD_INIT_FILE = Set.of("defer", "source");

  private static final Map<String, String> CLOUD_INIT_ADVICE =
      Map.of(
          "ca_certs", "write the certificate with write_files and run update-ca-certificates",
          "sudo", "write a file under /etc/sudoers.d with write_files",
          "groups", "add \"groups\" to an entry of users");

  private Suggestions() {}

  /** A hint for an unknown key of {@code schema} at {@code structPath}, if there is one. */
  static Optional<Suggestion> forUnknown(String key, StructSchema schema, ConfigPath structPath) {
    String canonical = key.replace('-', '_');
    Optional<String> cloudInit = cloudInitHint(canonical, schema);
    if (cloudInit.isPresent()) {
      return Optional.of(new Suggestion(false, cloudInit.get()));
    }
    List<String> elsewhere = new ArrayList<>();
    findKey(CloudConfigSchema.ROOT, ConfigPath.root(), canonical, elsewhere);
    elsewhere.removeIf(p -> isSameLevel(p, structPath));
    if (!elsewhere.isEmpty() && elsewhere.size() <= 3) {
      String where =
          String.join(" or ", elsewhere.stream().map(Suggestions::describePlace).toList());
      return Optional.of(
          new Suggestion(true, "\"" + key + "\" belongs elsewhere: did you mean " + where + "?"));
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = canonical.toLowerCase(Locale.ROOT);
    for (SchemaField f : schema.fields()) {
      int d = EditDistance.between(lower, f.name());
      if (d < bestDistance) {
        bestDistance = d;
        best = f.name();
      }
    }
    if (best != null && bestDistance <= EditDistance.tolerance(canonical.length())) {
      return Optional.of(new Suggestion(false, "did you mean \"" + best + "\"?"));
    }
    return Optional.empty();
  }

  /**
   * A suggestion text.
   *
   * @param misplaced whether the key exists in another place of the schema
   * @param text the hint
   */
  record Suggestion(boolean misplaced, String text) {}

  private static Optional<String> cloudInitHint(String canonical, StructSchema schema) {
    boolean known =
        (schema.equals(CloudConfigSchema.ROOT) && CLOUD_INIT_TOP.contains(canonical))
            || (schema.equals(CloudConfigSchema.USER) && CLOUD_INIT_USER.contains(canonical))
            || (schema.equals(CloudConfigSchema.WRITE_FILE) && CLOUD_INIT_FILE.contains(canonical));
    if (!known) {
      return Optional.empty();
    }
    String advice = CLOUD_INIT_ADVICE.get(canonical);
    return Optional.of(
        "\""
            + canonical
            + "\" is a cloud-init key that coreos-cloudinit and Kindling do not implement"
            + (advice == null ? "" : "; " + advice));
  }

  /**
   * A schema place for a hint: {@code "hostname" at the top level}, or the dotted path with {@code
   * []} after list fields ({@code "users[].ssh_authorized_keys"}).
   */
  private static String describePlace(String dotted) {
    if (!dotted.contains(".")) {
      return "\"" + dotted + "\" at the top level";
    }
    StringBuilder out = new StringBuilder();
    StructSchema schema = CloudConfigSchema.ROOT;
    for (String segment : dotted.split("\\.", -1)) {
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(segment);
      SchemaField field = schema == null ? null : schema.field(segment).orElse(null);
      if (field != null && field.kind() == dev.kindling.config.FieldKind.STRUCT_LIST) {
        out.append("[]");
      }
      schema = field == null ? null : field.struct();
    }
    return "\"" + out + "\"";
  }

  private static boolean isSameLevel(String dotted, ConfigPath structPath) {
    String parent = dotted.contains(".") ? dotted.substring(0, dotted.lastIndexOf('.')) : "";
    return parent.equals(withoutIndexes(structPath));
  }

  private static String withoutIndexes(ConfigPath path) {
    return String.join(
        ".",
        path.segments().stream().filter(String.class::isInstance).map(String.class::cast).toList());
  }

  private static void findKey(StructSchema schema, ConfigPath at, String key, List<String> out) {
    for (SchemaField f : schema.fields()) {
      ConfigPath here = at.key(f.name());
      if (f.name().equals(key)) {
        out.add(here.toString());
      }
      if (f.struct() != null) {
        findKey(f.struct(), here, key, out);
      }
    }
  }
}
