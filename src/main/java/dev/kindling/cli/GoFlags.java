package dev.kindling.cli;

import dev.kindling.value.GoQuote;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A command-line parser with the rules and messages of Go's {@code flag} package, for the {@code
 * coreos-cloudinit} launcher: {@code -name} and {@code --name}, {@code -name=value} and {@code
 * -name value} (booleans only {@code -name} or {@code -name=true|false}), parsing stops at the
 * first non-flag argument or {@code --}.
 */
final class GoFlags {
  /** A flag's type. */
  enum Kind {
    BOOL,
    STRING
  }

  /** A defined flag. */
  record Flag(String name, Kind kind, String defaultValue, String usage) {
    Flag {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(defaultValue, "defaultValue");
      Objects.requireNonNull(usage, "usage");
    }
  }

  /** How parsing ended. */
  sealed interface Result permits Parsed, Help, Failed {}

  /** The flags were read. */
  record Parsed() implements Result {}

  /** {@code -h} or {@code -help} was given. */
  record Help() implements Result {}

  /** A flag was wrong; {@code message} is Go's text for it. */
  record Failed(String message) implements Result {}

  private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
  private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

  private final String program;
  private final Map<String, Flag> flags = new TreeMap<>();
  private final Map<String, String> values = new HashMap<>();

  GoFlags(String program) {
    this.program = program;
  }

  GoFlags bool(String name, String usage) {
    flags.put(name, new Flag(name, Kind.BOOL, "false", usage));
    return this;
  }

  GoFlags string(String name, String defaultValue, String usage) {
    flags.put(name, new Flag(name, Kind.STRING, defaultValue, usage));
    return this;
  }

  /** Parses the arguments (Go's {@code FlagSet.Parse}). */
  Result parse(String[] args) {
    int i = 0;
    while (i < args.length) {
      String s = args[i];
      if (s.length() < 2 || s.charAt(0) != '-') {
        break;
      }
      int minuses = 1;
      if (s.charAt(1) == '-') {
        minuses = 2;
        if (s.length() == 2) {
          break;
        }
      }
      String name = s.substring(minuses);
      if (name.isEmpty() || name.charAt(0) == '-' || name.charAt(0) == '=') {
        return new Failed("bad flag syntax: " + s);
      }
      i++;
      String value = null;
      int eq = name.indexOf('=', 1);
      if (eq > 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      Flag flag = flags.get(name);
      if (flag == null) {
        if (name.equals("help") || name.equals("h")) {
          return new Help();
        }
        return new Failed("flag provided but not defined: -" + name);
      }
      if (flag.kind() == Kind.BOOL) {
        if (value == null) {
          values.put(name, "true");
        } else if (TRUE.contains(value)) {
          values.put(name, "true");
        } else if (FALSE.contains(value)) {
          values.put(name, "false");
        } else {
          return new Failed(
              "invalid boolean value " + GoQuote.quote(value) + " for -" + name + ": parse error");
        }
      } else {
        if (value == null && i < args.length) {
          value = args[i++];
        }
        if (value == null) {
          return new Failed("flag needs an argument: -" + name);
        }
        values.put(name, value);
      }
    }
    return new Parsed();
  }

  /** A string flag's value (its default when not given). */
  String get(String name) {
    Flag flag = Objects.requireNonNull(flags.get(name), name);
    return values.getOrDefault(name, flag.defaultValue());
  }

  /** A boolean flag's value. */
  boolean isTrue(String name) {
    return get(name).equals("true");
  }

  /** Sets a flag as if given (the -oem presets). */
  void set(String name, String value) {
    Objects.requireNonNull(flags.get(name), name);
    values.put(name, value);
  }

  /** Go's usage text: {@code Usage of PROGRAM:} and each flag in name order. */
  String usage() {
    StringBuilder b = new StringBuilder("Usage of ").append(program).append(":\n");
    for (Flag f : flags.values()) {
      b.append("  -").append(f.name());
      if (f.kind() == Kind.STRING) {
        b.append(" string");
      }
      b.append("\n    \t").append(f.usage().replace("\n", "\n    \t"));
      if (f.kind() == Kind.STRING && !f.defaultValue().isEmpty()) {
        b.append(" (default ").append(GoQuote.quote(f.defaultValue())).append(')');
      }
      b.append('\n');
    }
    return b.toString();
  }
}
