package dev.kindling.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One key of the cloud-config schema: its canonical YAML name, type and the rules the original
 * attached to it (environment variable, deprecation, value pattern).
 *
 * @param name the canonical key ({@code reboot_strategy}; {@code reboot-strategy} is accepted too)
 * @param kind the field's type
 * @param struct the element schema of a {@code STRUCT} or {@code STRUCT_LIST} field, else null
 * @param env the environment variable the field renders to, or null
 * @param deprecated the deprecation reason, or null
 * @param valid the pattern a non-empty value must match (whole text), or null
 * @param allowed the allowed values, for hints and the JSON schema; empty when not enumerable
 * @param description a one-line description for the JSON schema and docs
 * @param kindlingExtension whether the key is Kindling's own (coreos-cloudinit ignores it)
 */
public record SchemaField(
    String name,
    FieldKind kind,
    StructSchema struct,
    String env,
    String deprecated,
    Pattern valid,
    List<String> allowed,
    String description,
    boolean kindlingExtension) {

  public SchemaField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    allowed = List.copyOf(allowed);
    if ((kind == FieldKind.STRUCT || kind == FieldKind.STRUCT_LIST) != (struct != null)) {
      throw new IllegalArgumentException("struct schema goes with struct kinds only: " + name);
    }
  }

  /** A field without environment variable, deprecation or pattern. */
  public static SchemaField of(String name, FieldKind kind, String description) {
    return new SchemaField(name, kind, null, null, null, null, List.of(), description, false);
  }

  /** A struct or list-of-struct field. */
  public static SchemaField struct(
      String name, FieldKind kind, StructSchema struct, String description) {
    return new SchemaField(name, kind, struct, null, null, null, List.of(), description, false);
  }

  /** This field with an environment variable. */
  public SchemaField env(String variable) {
    return new SchemaField(
        name, kind, struct, variable, deprecated, valid, allowed, description, kindlingExtension);
  }

  /** This field marked deprecated for {@code reason}. */
  public SchemaField deprecated(String reason) {
    return new SchemaField(
        name, kind, struct, env, reason, valid, allowed, description, kindlingExtension);
  }

  /** This field with a value pattern (matched against the whole value). */
  public SchemaField valid(String regex) {
    return withPattern(Pattern.compile(regex), allowed);
  }

  /** This field restricted to the given values (a pattern built from them). */
  public SchemaField oneOf(String... values) {
    String regex = String.join("|", List.of(values).stream().map(Pattern::quote).toList());
    return withPattern(Pattern.compile(regex), List.of(values));
  }

  private SchemaField withPattern(Pattern pattern, List<String> values) {
    return new SchemaField(
        name, kind, struct, env, deprecated, pattern, values, description, kindlingExtension);
  }

  /** This field marked as a Kindling extension, which coreos-cloudinit ignores. */
  public SchemaField asExtension() {
    return new SchemaField(name, kind, struct, env, deprecated, valid, allowed, description, true);
  }

  /** The deprecation reason, if the field is deprecated. */
  public Optional<String> deprecation() {
    return Optional.ofNullable(deprecated);
  }

  /** Whether a (non-empty) value's text satisfies the field's pattern. */
  public boolean accepts(String text) {
    return valid == null || text.isEmpty() || valid.matcher(text).matches();
  }
}
