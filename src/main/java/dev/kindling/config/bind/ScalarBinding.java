package dev.kindling.config.bind;

import dev.kindling.config.FieldKind;
import dev.kindling.config.yaml.ResolvedScalar;
import dev.kindling.config.yaml.YamlScalar;
import dev.kindling.value.Bytes;

/** go-yaml's rules for putting one resolved scalar into a string, int, float64 or bool field. */
final class ScalarBinding {
  private static final double TWO_TO_63 = 0x1p63;

  private ScalarBinding() {}

  /**
   * The bound value, or null when the scalar does not fit the field (which the original silently
   * ignores). Strings are the raw text; {@code !!binary} becomes {@link Bytes}.
   */
  static Object convert(FieldKind kind, YamlScalar scalar, ResolvedScalar resolved) {
    ResolvedScalar.Type type = resolved.type();
    if (type == ResolvedScalar.Type.NULL || type == ResolvedScalar.Type.INVALID) {
      return null;
    }
    return switch (kind) {
      case STRING ->
          type == ResolvedScalar.Type.BINARY ? Bytes.of((byte[]) resolved.value()) : scalar.text();
      case INT -> type == ResolvedScalar.Type.INT ? resolved.value() : null;
      case FLOAT ->
          type == ResolvedScalar.Type.INT
              ? (Object) ((Long) resolved.value()).doubleValue()
              : type == ResolvedScalar.Type.FLOAT ? resolved.value() : null;
      case BOOL -> type == ResolvedScalar.Type.BOOL ? resolved.value() : null;
      default -> throw new IllegalArgumentException("not a scalar kind: " + kind);
    };
  }

  /** The original truncates floats into int fields; the validator still warns. */
  static Object truncatedFloat(FieldKind kind, ResolvedScalar resolved) {
    if (kind == FieldKind.INT && resolved.type() == ResolvedScalar.Type.FLOAT) {
      double d = (Double) resolved.value();
      if (Double.isFinite(d) && Math.abs(d) < TWO_TO_63) {
        return (long) d;
      }
    }
    return null;
  }

  /** What to do about a scalar that does not fit, where something useful can be said. */
  static String hint(FieldKind kind, YamlScalar scalar, ResolvedScalar resolved) {
    boolean quoted =
        scalar.style() == YamlScalar.Style.SINGLE_QUOTED
            || scalar.style() == YamlScalar.Style.DOUBLE_QUOTED;
    ResolvedScalar unquoted = YamlScalar.plain(scalar.text(), scalar.position()).resolve();
    if (quoted && convert(kind, scalar, unquoted) != null) {
      return "remove the quotes: " + scalar.text();
    }
    if (kind == FieldKind.INT && resolved.type() == ResolvedScalar.Type.FLOAT) {
      Object truncated = truncatedFloat(kind, resolved);
      return truncated == null
          ? "write a whole number"
          : "write a whole number; " + scalar.text() + " is read as " + truncated;
    }
    if (kind == FieldKind.BOOL) {
      return "write true or false";
    }
    if (kind == FieldKind.INT || kind == FieldKind.FLOAT) {
      return "write a number";
    }
    return null;
  }
}
