package dev.kindling.log;

import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.event.Level;

/**
 * Which level each logger logs from, by the system properties slf4j-simple read (their names are
 * kept): {@code org.slf4j.simpleLogger.log.NAME} for a logger and the loggers below it ({@code
 * log.dev.kindling} covers {@code dev.kindling.cli.Main}), else {@code
 * org.slf4j.simpleLogger.defaultLogLevel} as it was when logging was set up, else {@code info}.
 * Values: {@code trace}, {@code debug}, {@code info}, {@code warn}, {@code error}, {@code off} (any
 * case; another value means {@code info}). dbus-java announces its transport at INFO on every
 * connection, so its loggers start at {@code warn} unless a property says otherwise.
 */
final class LogLevels {
  static final String PREFIX = "org.slf4j.simpleLogger.";
  static final String DEFAULT = PREFIX + "defaultLogLevel";
  static final String PER_LOGGER = PREFIX + "log.";

  /** A level above ERROR: nothing is logged. */
  static final int OFF = Level.ERROR.toInt() + 10;

  private static final Map<String, Integer> BUILT_IN =
      Map.of("org.freedesktop.dbus", Level.WARN.toInt());

  private final int defaultLevel;
  private final UnaryOperator<String> properties;

  LogLevels(int defaultLevel, UnaryOperator<String> properties) {
    this.defaultLevel = defaultLevel;
    this.properties = properties;
  }

  /** The levels of the system properties, the default level as it is now. */
  static LogLevels fromSystemProperties() {
    UnaryOperator<String> properties = System::getProperty;
    String level = properties.apply(DEFAULT);
    return new LogLevels(level == null ? Level.INFO.toInt() : parse(level), properties);
  }

  /** The lowest level logger {@code name} logs ({@link Level#toInt()}), or {@link #OFF}. */
  int of(String name) {
    String prefix = name;
    while (true) {
      String value = properties.apply(PER_LOGGER + prefix);
      if (value != null) {
        return parse(value);
      }
      Integer builtIn = BUILT_IN.get(prefix);
      if (builtIn != null) {
        return builtIn;
      }
      int dot = prefix.lastIndexOf('.');
      if (dot < 0) {
        return defaultLevel;
      }
      prefix = prefix.substring(0, dot);
    }
  }

  /** The level a property value names. */
  static int parse(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "trace" -> Level.TRACE.toInt();
      case "debug" -> Level.DEBUG.toInt();
      case "warn" -> Level.WARN.toInt();
      case "error" -> Level.ERROR.toInt();
      case "off" -> OFF;
      default -> Level.INFO.toInt();
    };
  }
}
