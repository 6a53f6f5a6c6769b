package dev.kindling.analysis;

import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.yaml.ConfigPath;
import java.util.Locale;
import java.util.Optional;

/** The findings about a part as a whole: what it is, and what Kindling does with it. */
final class PartNotes {
  /** The original's message for user data that is neither cloud-config nor a script. */
  static final String NOT_CLOUD_CONFIG = "must be \"#cloud-config\" or begin with \"#!\"";

  private PartNotes() {}

  /** What to do, depending on what the first line looks like. */
  static String notCloudConfigHint(String first) {
    String squeezed = first.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replace(" ", "");
    if (squeezed.startsWith("#cloud-config") || squeezed.startsWith("#cloudconfig")) {
      return "the first line must be exactly \"#cloud-config\" (lowercase, no leading spaces or"
          + " BOM, nothing after it)";
    }
    if (squeezed.startsWith("content-type:")) {
      return "a MIME message must declare \"Content-Type: multipart/mixed; boundary=...\";"
          + " put cloud-config in a text/cloud-config part";
    }
    if (squeezed.startsWith("{")) {
      return "JSON user data must be an Ignition config (with \"ignition\": {\"version\": ...});"
          + " cloud-config is YAML that starts with the line \"#cloud-config\"";
    }
    return "start cloud-config with the line \"#cloud-config\", a script with \"#!\", or send a"
        + " multipart MIME message (Content-Type: multipart/mixed)";
  }

  /** A later part's hostname, which the first part's hostname overrides. */
  static Finding shadowedHostname(String hostname, String firstPart) {
    return Finding.warning(
            Code.SHADOWED_HOSTNAME,
            ConfigPath.of("hostname"),
            "hostname \"" + hostname + "\" is ignored: " + firstPart + " sets the hostname first")
        .withHint("the first cloud-config part that sets a hostname wins; set it in one part only")
        .onKey();
  }

  /** cloud-init's run-once script types run once per instance here, which users should know. */
  static Optional<Finding> frequency(String type) {
    if (!type.endsWith("-per-instance") && !type.endsWith("-per-once")) {
      return Optional.empty();
    }
    return Optional.of(
        Finding.info(
                Code.EXTENSION_KEY,
                ConfigPath.root(),
                type
                    + " part runs once per instance (a Kindling extension: coreos-cloudinit"
                    + " ignores this part)")
            .withHint(
                "kindling clean forgets what ran, for image builders; a -per-once script also runs"
                    + " once per instance"));
  }

  /** A part whose type Kindling does not apply. */
  static Finding unsupported(String type) {
    return switch (type) {
      case "text/cloud-boothook" ->
          ignored(
              type,
              "Kindling does not run boothooks",
              "use a text/x-shellscript part, or a systemd unit under coreos.units");
      case "text/part-handler" ->
          ignored(
              type,
              "Kindling does not run cloud-init part handlers",
              "use text/cloud-config or text/x-shellscript parts");
      case "text/jinja2" ->
          ignored(
              type,
              "Kindling does not render Jinja templates",
              "use $private_ipv4-style variables in a text/cloud-config part; Kindling substitutes"
                  + " them from metadata");
      case "text/cloud-config-archive", "text/cloud-config-jsonp" ->
          ignored(
              type,
              "Kindling does not read cloud-init archives",
              "send each config as its own text/cloud-config part");
      case "text/upstart-job" ->
          ignored(type, "there is no upstart", "use a systemd unit under coreos.units");
      default ->
          Finding.warning(
                  Code.UNSUPPORTED_PART,
                  ConfigPath.root(),
                  (type.isEmpty() ? "part without Content-Type" : type + " part")
                      + " is neither cloud-config, a script nor an Ignition config; Kindling ignores"
                      + " it")
              .withHint(
                  "declare it text/cloud-config or text/x-shellscript, or start it with"
                      + " \"#cloud-config\" or \"#!\"");
    };
  }

  private static Finding ignored(String type, String why, String hint) {
    return Finding.warning(
            Code.UNSUPPORTED_PART, ConfigPath.root(), type + " part is ignored: " + why)
        .withHint(hint);
  }
}
