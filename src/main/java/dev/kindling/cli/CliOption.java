package dev.kindling.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * One option of a command as a table entry: its names, what it takes, its initial value and help.
 * {@link CommandModels#addTo} builds picocli's model of the option from it and {@link OptionTable}
 * parses the usual command lines with it directly, so the two cannot drift apart.
 */
final class CliOption {
  /** What an option takes. */
  enum Kind {
    /** A boolean that is true when given ({@code --auto}); once. */
    FLAG,
    /** A boolean that may be given many times ({@code -v -vv}); one {@code true} each. */
    COUNT,
    /** One value ({@code --root DIR} or {@code --root=DIR}); once. */
    VALUE,
    /** One string value each time it is given ({@code --exclude A --exclude B}); a list. */
    LIST,
    /** {@code -h, --help}: picocli prints the help. */
    HELP,
    /** {@code -V, --version}: picocli prints the version. */
    VERSION
  }

  /** Turns an option's text into its value; refuses with an {@link IllegalArgumentException}. */
  @FunctionalInterface
  interface Converter {
    /** The value of {@code text}. */
    Object convert(String text);
  }

  /**
   * The value types picocli reads with its own converters, as the direct parse reads them (an enum,
   * not lambdas: each lambda is linked the first time it runs, at every start).
   */
  private enum Builtin implements Converter {
    TEXT,
    PATH,
    NUMBER;

    @Override
    public Object convert(String text) {
      return switch (this) {
        case TEXT -> text;
        case PATH -> toPath(text);
        case NUMBER -> toLong(text);
      };
    }
  }

  private final String[] names;
  private final Kind kind;
  private final Class<?> type;
  private final String paramLabel;
  private final Object initial;
  private final Converter converter;
  private final boolean ownConverter;
  private final String description;

  private CliOption(
      String[] names,
      Kind kind,
      Class<?> type,
      String paramLabel,
      Object initial,
      Converter converter,
      boolean ownConverter,
      String description) {
    this.names = names.clone();
    this.kind = kind;
    this.type = type;
    this.paramLabel = paramLabel;
    this.initial = initial;
    this.converter = converter;
    this.ownConverter = ownConverter;
    this.description = description;
  }

  /** A boolean option, false unless given. */
  static CliOption flag(String description, String... names) {
    return new CliOption(names, Kind.FLAG, boolean.class, null, false, null, false, description);
  }

  /** A repeatable boolean option; its value has one {@code true} per occurrence. */
  static CliOption count(String description, String... names) {
    return new CliOption(
        names, Kind.COUNT, boolean[].class, null, new boolean[0], null, false, description);
  }

  /** {@code -h, --help} ({@link Kind#HELP}) or {@code -V, --version} ({@link Kind#VERSION}). */
  static CliOption help(Kind kind, String description, String... names) {
    return new CliOption(names, kind, boolean.class, null, null, null, false, description);
  }

  /** A string option; {@code initial} may be null. */
  static CliOption string(String name, String label, String initial, String description) {
    return new CliOption(
        new String[] {name},
        Kind.VALUE,
        String.class,
        label,
        initial,
        Builtin.TEXT,
        false,
        description);
  }

  /** A repeatable string option; its value is the list of values given, or null for none. */
  static CliOption list(String name, String label, String description) {
    return new CliOption(
        new String[] {name}, Kind.LIST, List.class, label, null, Builtin.TEXT, false, description);
  }

  /** A path option ({@link Path#of}, as picocli converts paths); {@code initial} may be null. */
  static CliOption path(String name, String label, Path initial, String description) {
    return new CliOption(
        new String[] {name},
        Kind.VALUE,
        Path.class,
        label,
        initial,
        Builtin.PATH,
        false,
        description);
  }

  /**
   * A whole-number option. The direct parse takes plain decimal digits only (no sign, no leading
   * zero, at most 18), which every parse of a {@code long} reads the same; anything else goes to
   * picocli.
   */
  static CliOption number(String name, String label, long initial, String description) {
    return new CliOption(
        new String[] {name},
        Kind.VALUE,
        long.class,
        label,
        initial,
        Builtin.NUMBER,
        false,
        description);
  }

  /** An option of {@code type} that {@code converter} reads, for picocli too. */
  static CliOption converted(
      String name,
      String label,
      Class<?> type,
      Object initial,
      Converter converter,
      String description) {
    return new CliOption(
        new String[] {name}, Kind.VALUE, type, label, initial, converter, true, description);
  }

  /** The names, e.g. {@code -q, --quiet}. */
  String[] names() {
    return names.clone();
  }

  /** The name its value is kept under: the last one (the long one). */
  String key() {
    return names[names.length - 1];
  }

  Kind kind() {
    return kind;
  }

  Class<?> type() {
    return type;
  }

  /** The label of the value in help, or null. */
  String paramLabel() {
    return paramLabel;
  }

  /** The value when the option is not given, or null. */
  Object initial() {
    return initial;
  }

  /** Reads a value; throws {@link IllegalArgumentException} for one it refuses. */
  Object convert(String text) {
    return converter.convert(text);
  }

  /** Whether picocli reads the value with {@link #convert} too (else with its own converter). */
  boolean ownConverter() {
    return ownConverter;
  }

  String description() {
    return description;
  }

  private static Path toPath(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static Long toLong(String text) {
    int n = text.length();
    if (n == 0 || n > 18 || (n > 1 && text.charAt(0) == '0')) {
      throw new IllegalArgumentException("not a plain number: " + text);
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a plain number: " + text);
      }
    }
    return Long.parseLong(text);
  }
}
