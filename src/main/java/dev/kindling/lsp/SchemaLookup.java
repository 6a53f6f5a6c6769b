package dev.kindling.lsp;

import dev.kindling.config.CloudConfigSchema;
import dev.kindling.config.FieldKind;
import dev.kindling.config.SchemaField;
import dev.kindling.config.StructSchema;
import java.util.List;
import java.util.Optional;

/**
 * Finds the schema of a place in a document ({@link YamlOutline} paths) in {@link
 * CloudConfigSchema}. Keys are read as the binder reads them: {@code -} counts as {@code _}.
 */
final class SchemaLookup {
  private SchemaLookup() {}

  /** The key as the binder reads it. */
  static String canonical(String key) {
    return key.replace('-', '_');
  }

  /** The struct whose keys are valid in the mapping at {@code path}, if the path is one. */
  static Optional<StructSchema> struct(List<String> path) {
    StructSchema struct = CloudConfigSchema.ROOT;
    int i = 0;
    while (i < path.size()) {
      Optional<SchemaField> field = struct.field(canonical(path.get(i)));
      if (field.isEmpty()) {
        return Optional.empty();
      }
      i++;
      FieldKind kind = field.get().kind();
      if (kind == FieldKind.STRUCT_LIST) {
        if (i == path.size() || !path.get(i).equals(YamlOutline.ITEM)) {
          return Optional.empty();
        }
        i++;
      } else if (kind != FieldKind.STRUCT) {
        return Optional.empty();
      }
      struct = field.get().struct();
    }
    return Optional.of(struct);
  }

  /** The field at {@code path} (its last segment a key), if the schema has it. */
  static Optional<SchemaField> field(List<String> path) {
    if (path.isEmpty() || path.get(path.size() - 1).equals(YamlOutline.ITEM)) {
      return Optional.empty();
    }
    return struct(path.subList(0, path.size() - 1))
        .flatMap(s -> s.field(canonical(path.get(path.size() - 1))));
  }

  /** The struct that holds the field at {@code path}. */
  static Optional<StructSchema> owner(List<String> path) {
    return path.isEmpty() ? Optional.empty() : struct(path.subList(0, path.size() - 1));
  }

  /** The path as users read it: {@code coreos.units[].name}. */
  static String display(List<String> path) {
    StringBuilder out = new StringBuilder();
    for (String segment : path) {
      if (!segment.equals(YamlOutline.ITEM) && out.length() > 0) {
        out.append('.');
      }
      out.append(segment.equals(YamlOutline.ITEM) ? segment : canonical(segment));
    }
    return out.toString();
  }
}
