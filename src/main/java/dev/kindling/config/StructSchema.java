package dev.kindling.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An ordered set of fields: a struct of the cloud-config schema (or a service table). */
public record StructSchema(String name, List<SchemaField> fields) {
  public StructSchema {
    fields = List.copyOf(fields);
    Map<String, SchemaField> seen = new LinkedHashMap<>();
    for (SchemaField f : fields) {
      if (seen.put(f.name(), f) != null) {
        throw new IllegalArgumentException("duplicate field " + f.name() + " in " + name);
      }
    }
  }

  /** The field with this canonical name. */
  public Optional<SchemaField> field(String canonicalName) {
    for (SchemaField f : fields) {
      if (f.name().equals(canonicalName)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** The canonical names of all fields, in order. */
  public List<String> names() {
    return fields.stream().map(SchemaField::name).toList();
  }

  /**
   * Same name and fields. Written out rather than generated: the generated one bootstraps an
   * invokedynamic call site (ObjectMethods, method handles spun at run time) the first time it
   * runs, several milliseconds of every start-up.
   */
  @Override
  public boolean equals(Object o) {
    return this == o
        || (o instanceof StructSchema other
            && name.equals(other.name)
            && fields.equals(other.fields));
  }

  /** The name's hash: equal schemas have equal names (see {@link #equals}). */
  @Override
  public int hashCode() {
    return name.hashCode();
  }
}
