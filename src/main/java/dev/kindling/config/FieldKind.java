package dev.kindling.config;

/** The type of a cloud-config field, named as the original validator names it. */
public enum FieldKind {
  STRING("string"),
  INT("int"),
  FLOAT("float64"),
  BOOL("bool"),
  STRING_LIST("[]string"),
  STRUCT("struct"),
  STRUCT_LIST("[]struct"),
  /** A Kindling extension: a list of commands, each a shell line or a list of argv words. */
  COMMAND_LIST("[]command");

  private final String goName;

  FieldKind(String goName) {
    this.goName = goName;
  }

  /** The name used in {@code incorrect type for "x" (want <name>)}. */
  public String goName() {
    return goName;
  }

  /** Whether the field holds a single scalar. */
  public boolean isScalar() {
    return this == STRING || this == INT || this == FLOAT || this == BOOL;
  }
}
