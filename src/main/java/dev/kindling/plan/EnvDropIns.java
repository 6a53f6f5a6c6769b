package dev.kindling.plan;

import dev.kindling.config.EnvSection;
import dev.kindling.config.SchemaField;
import dev.kindling.config.ServiceTables;
import dev.kindling.config.StructSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the {@code 20-cloudinit.conf} drop-ins of etcd, etcd2, fleet and locksmith from their
 * {@link ServiceTables}: {@code [Service]} and one {@code Environment="K=V"} line per set field in
 * table order, or "" when nothing is set.
 *
 * <p>Two deliberate differences from the original
 * (docs/compatibility.md#environment-values-are-escaped,
 * docs/compatibility.md#explicit-false-and-0-are-written): values are escaped for systemd ({@link
 * SystemdQuoting}), and a field set explicitly to {@code false} or {@code 0} is written (the
 * original skipped every zero value, so {@code snapshot: false} could never override a default). A
 * field set to the empty string is still skipped: {@code Environment="K="} would define the
 * variable as empty, which is not what "unset" meant upstream.
 */
public final class EnvDropIns {
  private static final Map<StructSchema, String> UNITS = new LinkedHashMap<>();

  static {
    UNITS.put(ServiceTables.ETCD, "etcd.service");
    UNITS.put(ServiceTables.ETCD2, "etcd2.service");
    UNITS.put(ServiceTables.FLEET, "fleet.service");
    UNITS.put(ServiceTables.LOCKSMITH, "locksmithd.service");
  }

  private EnvDropIns() {}

  /** The unit a drop-in table belongs to ({@code etcd2.service}, {@code locksmithd.service}). */
  public static String unitFor(StructSchema table) {
    String unit = UNITS.get(table);
    if (unit == null) {
      throw new IllegalArgumentException("no drop-in unit for table " + table.name());
    }
    return unit;
  }

  /** The drop-in text for a section, "" when no field is set. */
  public static String render(EnvSection section) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, String> e : variables(section).entrySet()) {
      lines.add(SystemdQuoting.environmentLine(e.getKey(), e.getValue()));
    }
    if (lines.isEmpty()) {
      return "";
    }
    return "[Service]\n" + String.join("\n", lines) + "\n";
  }

  /**
   * The environment variables of a section in table order, values formatted as Go's {@code %v} and
   * not escaped; fields without variable and fields set to "" are left out.
   */
  public static Map<String, String> variables(EnvSection section) {
    Map<String, String> out = new LinkedHashMap<>();
    for (SchemaField field : section.table().fields()) {
      if (field.env() == null) {
        continue;
      }
      Optional<Object> value = section.get(field.name());
      if (value.isPresent()) {
        String text = format(value.get());
        if (!text.isEmpty()) {
          out.put(field.env(), text);
        }
      }
    }
    return out;
  }

  /** Go's {@code %v} of a bound value: strings raw, integers decimal, floats shortest. */
  public static String format(Object value) {
    if (value instanceof Double d) {
      return GoFloat.format(d);
    }
    return String.valueOf(value);
  }
}
