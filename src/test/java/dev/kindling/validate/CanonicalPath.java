package dev.kindling.validate;

import dev.kindling.config.CloudConfigSchema;
import dev.kindling.config.FieldKind;
import dev.kindling.config.SchemaField;
import dev.kindling.config.StructSchema;
import dev.kindling.config.yaml.ConfigPath;
import java.util.List;
import java.util.Optional;

/**
 * Names a raw location (keys as written, sequence indexes) the way the binder names it in findings:
 * known keys in their canonical spelling ({@code reboot-strategy} is {@code reboot_strategy}),
 * unknown keys as written, a non-scalar key by its mapping.
 *
 * @param path the binder's display path
 * @param field the schema field the last key names, if it is a known key (also for list elements)
 */
record CanonicalPath(ConfigPath path, Optional<SchemaField> field) {

  /** Resolves a raw path against {@link CloudConfigSchema#ROOT}. */
  static CanonicalPath of(List<Object> raw) {
    ConfigPath path = ConfigPath.root();
    StructSchema struct = CloudConfigSchema.ROOT;
    SchemaField field = null;
    boolean known = true;
    for (Object segment : raw) {
      if (segment instanceof Integer index) {
        path = path.index(index);
        struct = field != null && field.kind() == FieldKind.STRUCT_LIST ? field.struct() : null;
        continue;
      }
      String key = (String) segment;
      if (key.startsWith(YamlJsonTree.COMPLEX_KEY)) {
        known = false;
        struct = null;
        continue;
      }
      Optional<SchemaField> next =
          struct == null ? Optional.empty() : struct.field(key.replace('-', '_'));
      if (next.isEmpty() || !known) {
        path = path.key(key);
        known = false;
        struct = null;
        field = null;
        continue;
      }
      field = next.get();
      path = path.key(field.name());
      struct = field.kind() == FieldKind.STRUCT ? field.struct() : null;
    }
    return new CanonicalPath(path, known ? Optional.ofNullable(field) : Optional.empty());
  }
}
