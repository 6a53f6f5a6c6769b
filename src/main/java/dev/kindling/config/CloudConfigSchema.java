package dev.kindling.config;

import static dev.kindling.config.FieldKind.BOOL;
import static dev.kindling.config.FieldKind.STRING;
import static dev.kindling.config.FieldKind.STRING_LIST;
import static dev.kindling.config.FieldKind.STRUCT;
import static dev.kindling.config.FieldKind.STRUCT_LIST;

import java.util.List;

/**
 * The whole cloud-config schema of coreos-cloudinit v1.14, plus the keys Kindling adds ({@code
 * write_files[].append}, {@code bootcmd}, {@code runcmd}: {@link SchemaField#kindlingExtension()}).
 * The binder, the validator, the JSON schema and the planner all read it; there is no second
 * description of the format.
 */
public final class CloudConfigSchema {
  /** Deprecation reason of the remote key-import user fields. */
  public static final String REMOTE_KEYS_DEPRECATION =
      "trying to fetch from a remote endpoint introduces too many intermittent errors";

  /** The unit commands systemd accepts from cloud-config. */
  public static final List<String> UNIT_COMMANDS =
      List.of(
          "start",
          "stop",
          "restart",
          "reload",
          "try-restart",
          "reload-or-restart",
          "reload-or-try-restart");

  /** A GitHub login: alphanumerics and single hyphens, at most 39 characters. */
  public static final String GITHUB_LOGIN = "[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}";

  /** The {@code write_files[].encoding} values. */
  public static final List<String> ENCODINGS =
      List.of("base64", "b64", "gz", "gzip", "gz+base64", "gzip+base64", "gz+b64", "gzip+b64");

  /** {@code write_files[]}. */
  public static final StructSchema WRITE_FILE =
      new StructSchema(
          "write_files",
          List.of(
              SchemaField.of("encoding", STRING, "how content is encoded")
                  .oneOf(ENCODINGS.toArray(String[]::new)),
              SchemaField.of("content", STRING, "the file's content"),
              SchemaField.of("owner", STRING, "user[:group] that owns the file"),
              SchemaField.of("path", STRING, "absolute path of the file"),
              SchemaField.of("permissions", STRING, "octal mode, e.g. \"0644\"")
                  .valid("0?[0-7]{3,4}"),
              SchemaField.of(
                      "append", BOOL, "append to the file instead of replacing it (cloud-init)")
                  .asExtension()));

  /** {@code users[]}. */
  public static final StructSchema USER =
      new StructSchema(
          "users",
          List.of(
              SchemaField.of("name", STRING, "login name"),
              SchemaField.of("passwd", STRING, "password hash"),
              SchemaField.of("ssh_authorized_keys", STRING_LIST, "public keys for the user"),
              SchemaField.of("coreos_ssh_import_github", STRING, "GitHub user whose keys to add")
                  .deprecated(REMOTE_KEYS_DEPRECATION)
                  .valid(GITHUB_LOGIN),
              SchemaField.of(
                      "coreos_ssh_import_github_users",
                      STRING_LIST,
                      "GitHub users whose keys to add")
                  .deprecated(REMOTE_KEYS_DEPRECATION)
                  .valid(GITHUB_LOGIN),
              SchemaField.of("coreos_ssh_import_url", STRING, "URL of keys in GitHub's format")
                  .deprecated(REMOTE_KEYS_DEPRECATION)
                  .valid("https?://.+"),
              SchemaField.of("gecos", STRING, "the user's full name"),
              SchemaField.of("homedir", STRING, "home directory (an absolute path)").valid("/.*"),
              SchemaField.of("no_create_home", BOOL, "do not create the home directory"),
              SchemaField.of("primary_group", STRING, "primary group"),
              SchemaField.of("groups", STRING_LIST, "supplementary groups"),
              SchemaField.of("no_user_group", BOOL, "do not create a group named after the user"),
              SchemaField.of("system", BOOL, "create a system account"),
              SchemaField.of("no_log_init", BOOL, "do not add the user to lastlog and faillog"),
              SchemaField.of("shell", STRING, "login shell")));

  /** {@code coreos.units[].drop_ins[]}. */
  public static final StructSchema DROP_IN =
      new StructSchema(
          "drop_ins",
          List.of(
              SchemaField.of("name", STRING, "drop-in file name, e.g. 50-env.conf"),
              SchemaField.of("content", STRING, "drop-in content")));

  /** {@code coreos.units[]}. */
  public static final StructSchema UNIT =
      new StructSchema(
          "units",
          List.of(
              SchemaField.of("name", STRING, "unit name with its suffix, e.g. docker.service"),
              SchemaField.of("mask", BOOL, "mask the unit (symlink to /dev/null)"),
              SchemaField.of("enable", BOOL, "enable the unit ([Install] section)"),
              SchemaField.of("runtime", BOOL, "place the unit under /run (lost at reboot)"),
              SchemaField.of("content", STRING, "unit file content"),
              SchemaField.of("command", STRING, "systemctl command to run on the unit")
                  .oneOf(UNIT_COMMANDS.toArray(String[]::new)),
              SchemaField.struct("drop_ins", STRUCT_LIST, DROP_IN, "drop-in files")));

  /** {@code coreos}. */
  public static final StructSchema COREOS =
      new StructSchema(
          "coreos",
          List.of(
              SchemaField.struct("etcd", STRUCT, ServiceTables.ETCD, "etcd 0.4 settings")
                  .deprecated("etcd is no longer shipped in Container Linux"),
              SchemaField.struct("etcd2", STRUCT, ServiceTables.ETCD2, "etcd2 settings")
                  .deprecated("etcd2 is no longer shipped in Container Linux"),
              SchemaField.struct("flannel", STRUCT, ServiceTables.FLANNEL, "flannel settings"),
              SchemaField.struct("fleet", STRUCT, ServiceTables.FLEET, "fleet settings")
                  .deprecated("fleet is no longer shipped in Container Linux"),
              SchemaField.struct(
                  "locksmith", STRUCT, ServiceTables.LOCKSMITH, "locksmith settings"),
              SchemaField.struct("oem", STRUCT, ServiceTables.OEM, "/etc/oem-release"),
              SchemaField.struct("update", STRUCT, ServiceTables.UPDATE, "update.conf settings"),
              SchemaField.struct("units", STRUCT_LIST, UNIT, "systemd units")));

  /** The document root. */
  public static final StructSchema ROOT =
      new StructSchema(
          "",
          List.of(
              SchemaField.of("ssh_authorized_keys", STRING_LIST, "public keys for the core user"),
              SchemaField.struct("coreos", STRUCT, COREOS, "CoreOS-specific settings"),
              SchemaField.struct("write_files", STRUCT_LIST, WRITE_FILE, "files to write"),
              SchemaField.of("hostname", STRING, "the machine's hostname"),
              SchemaField.struct("users", STRUCT_LIST, USER, "users to create"),
              SchemaField.of("manage_etc_hosts", STRING, "\"localhost\" writes /etc/hosts")
                  .oneOf("localhost"),
              SchemaField.of(
                      "bootcmd",
                      FieldKind.COMMAND_LIST,
                      "commands run first, at every boot (a string for sh, or a list of words)")
                  .asExtension(),
              SchemaField.of(
                      "runcmd",
                      FieldKind.COMMAND_LIST,
                      "commands run last, once per instance (a string for sh, or a list of words)")
                  .asExtension()));

  private CloudConfigSchema() {}
}
