package dev.kindling.config.bind;

import dev.kindling.config.CloudConfig;
import dev.kindling.config.CoreOs;
import dev.kindling.config.DropIn;
import dev.kindling.config.EnvSection;
import dev.kindling.config.ServiceTables;
import dev.kindling.config.ShellCommand;
import dev.kindling.config.StructSchema;
import dev.kindling.config.Unit;
import dev.kindling.config.User;
import dev.kindling.config.WriteFile;
import dev.kindling.value.Bytes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the binder's field maps into the model records, filling zero values for unset fields. */
final class ModelBuilder {
  private ModelBuilder() {}

  static CloudConfig cloudConfig(Map<String, Object> v) {
    return new CloudConfig(
        strings(v, "ssh_authorized_keys"),
        coreos(map(v, "coreos")),
        structs(v, "write_files").stream().map(ModelBuilder::writeFile).toList(),
        string(v, "hostname"),
        structs(v, "users").stream().map(ModelBuilder::user).toList(),
        string(v, "manage_etc_hosts"),
        commands(v, "bootcmd"),
        commands(v, "runcmd"));
  }

  private static CoreOs coreos(Map<String, Object> v) {
    return new CoreOs(
        env(ServiceTables.ETCD, map(v, "etcd")),
        env(ServiceTables.ETCD2, map(v, "etcd2")),
        env(ServiceTables.FLANNEL, map(v, "flannel")),
        env(ServiceTables.FLEET, map(v, "fleet")),
        env(ServiceTables.LOCKSMITH, map(v, "locksmith")),
        env(ServiceTables.OEM, map(v, "oem")),
        env(ServiceTables.UPDATE, map(v, "update")),
        structs(v, "units").stream().map(ModelBuilder::unit).toList());
  }

  private static EnvSection env(StructSchema table, Map<String, Object> v) {
    Map<String, Object> values = new LinkedHashMap<>();
    v.forEach((k, value) -> values.put(k, value instanceof Bytes b ? b.toUtf8() : value));
    return new EnvSection(table, values);
  }

  private static WriteFile writeFile(Map<String, Object> v) {
    Object content = v.get("content");
    return new WriteFile(
        string(v, "path"),
        content instanceof Bytes b ? b : Bytes.utf8(content == null ? "" : (String) content),
        string(v, "encoding"),
        string(v, "owner"),
        string(v, "permissions"),
        bool(v, "append"));
  }

  private static User user(Map<String, Object> v) {
    return new User(
        string(v, "name"),
        string(v, "passwd"),
        strings(v, "ssh_authorized_keys"),
        string(v, "coreos_ssh_import_github"),
        strings(v, "coreos_ssh_import_github_users"),
        string(v, "coreos_ssh_import_url"),
        string(v, "gecos"),
        string(v, "homedir"),
        bool(v, "no_create_home"),
        string(v, "primary_group"),
        strings(v, "groups"),
        bool(v, "no_user_group"),
        bool(v, "system"),
        bool(v, "no_log_init"),
        string(v, "shell"));
  }

  private static Unit unit(Map<String, Object> v) {
    return new Unit(
        string(v, "name"),
        bool(v, "mask"),
        bool(v, "enable"),
        bool(v, "runtime"),
        string(v, "content"),
        string(v, "command"),
        structs(v, "drop_ins").stream()
            .map(d -> new DropIn(string(d, "name"), string(d, "content")))
            .toList());
  }

  private static String string(Map<String, Object> v, String key) {
    Object o = v.get(key);
    if (o instanceof Bytes b) {
      return b.toUtf8();
    }
    return o == null ? "" : (String) o;
  }

  private static boolean bool(Map<String, Object> v, String key) {
    return Boolean.TRUE.equals(v.get(key));
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Map<String, Object> v, String key) {
    Object o = v.get(key);
    return o == null ? List.of() : (List<String>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<ShellCommand> commands(Map<String, Object> v, String key) {
    Object o = v.get(key);
    return o == null ? List.of() : (List<ShellCommand>) o;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> v, String key) {
    Object o = v.get(key);
    return o == null ? Map.of() : (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> structs(Map<String, Object> v, String key) {
    Object o = v.get(key);
    return o == null ? List.of() : (List<Map<String, Object>>) o;
  }
}
