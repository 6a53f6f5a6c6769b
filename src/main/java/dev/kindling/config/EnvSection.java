package dev.kindling.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The values set in one service section ({@code coreos.etcd2}, {@code coreos.update}, ...), keyed
 * by canonical field name in table order. Values are {@code String} (the raw YAML text), {@code
 * Long}, {@code Double} or {@code Boolean}.
 */
public record EnvSection(StructSchema table, Map<String, Object> values) {
  public EnvSection {
    Objects.requireNonNull(table, "table");
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (SchemaField f : table.fields()) {
      Object v = values.get(f.name());
      if (v != null) {
        ordered.put(f.name(), v);
      }
    }
    for (String key : values.keySet()) {
      if (table.field(key).isEmpty()) {
        throw new IllegalArgumentException("unknown key " + key + " for " + table.name());
      }
    }
    values = Collections.unmodifiableMap(ordered);
  }

  /** A section with nothing set. */
  public static EnvSection empty(StructSchema table) {
    return new EnvSection(table, Map.of());
  }

  /** The value of a field, if it was set. */
  public Optional<Object> get(String field) {
    return Optional.ofNullable(values.get(field));
  }

  /** A string field's text, or "" when unset (the original's zero value). */
  public String string(String field) {
    Object v = values.get(field);
    return v == null ? "" : v.toString();
  }

  /** Whether no field holds a non-zero value (nothing would be rendered). */
  public boolean isZero() {
    return values.values().stream().allMatch(EnvSection::isZeroValue);
  }

  /** Whether {@code value} is Go's zero value for its type: "", 0, 0.0 or false. */
  public static boolean isZeroValue(Object value) {
    return value == null
        || (value instanceof String s && s.isEmpty())
        || (value instanceof Long l && l == 0L)
        || (value instanceof Double d && d == 0.0)
        || (value instanceof Boolean b && !b);
  }

  @Override
  public String toString() {
    // Values may be passwords (etcd_password): show only which keys are set.
    return "EnvSection[" + table.name() + " " + values.keySet() + "]";
  }
}
