package dev.kindling.config;

import java.util.List;

/** The type of a cloud-config field, named as the original validator and as a user names it. */
public enum FieldKind {
  STRING("string", "a string"),
  INT("int", "a whole number"),
  FLOAT("float64", "a number"),
  BOOL("bool", "true or false"),
  STRING_LIST("[]string", "a list of strings"),
  STRUCT("struct", "a mapping"),
  STRUCT_LIST("[]struct", "a list of mappings"),
  /** A Kindling extension: a list of commands, each a shell line or a list of argv words. */
  COMMAND_LIST("[]command", "a list of commands (each a string or a list of strings)");

  private final String goName;
  private final String userName;

  FieldKind(String goName, String userName) {
    this.goName = goName;
    this.userName = userName;
  }

  /** The name used in the original's {@code incorrect type for "x" (want <name>)}. */
  public String goName() {
    return goName;
  }

  /** The type in a user's words: "a list of strings", "a mapping". */
  public String userName() {
    return userName;
  }

  /**
   * The type in a user's words, with the keys of a mapping (the first three): "a list of mappings
   * with name, passwd, groups...".
   */
  public String userName(List<String> keys) {
    if ((this != STRUCT && this != STRUCT_LIST) || keys.isEmpty()) {
      return userName;
    }
    String shown = String.join(", ", keys.subList(0, Math.min(3, keys.size())));
    return userName + " with " + shown + (keys.size() > 3 ? "..." : "");
  }

  /** Whether the field holds a single scalar. */
  public boolean isScalar() {
    return this == STRING || this == INT || this == FLOAT || this == BOOL;
  }
}
