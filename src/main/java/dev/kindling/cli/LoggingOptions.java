package dev.kindling.cli;

import dev.kindling.log.StderrLoggerProvider;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The options every command takes: {@code -q/--quiet}, {@code -v/--verbose} (the log level on
 * standard error, {@link StderrLoggerProvider}) and {@code --color=auto|always|never}. The level
 * must be set before the first logger is created, so commands call {@link #apply} first thing.
 * Added to a command's model with {@link #addTo} (built without annotations, see {@link
 * CommandModels}), or by {@code modelTransformer = LoggingOptions.Transformer.class}.
 */
final class LoggingOptions {
  private static final String VERBOSE = "--verbose";
  private static final String QUIET = "--quiet";
  private static final String COLOR = "--color";

  /** When to colour output. */
  enum Color {
    AUTO,
    ALWAYS,
    NEVER
  }

  private static final ChoiceConverter<Color> COLOR_CHOICE =
      new ChoiceConverter<>(Color.class, "value");

  private LoggingOptions() {}

  /** {@code -q, --quiet}, {@code -v, --verbose} (repeatable) and {@code --color}. */
  static final List<CliOption> OPTIONS =
      List.of(
          CliOption.flag(
              "Log only warnings and errors; validate prints no summary line.", "-q", QUIET),
          CliOption.count("Log more (-v: debug, -vv: trace).", "-v", VERBOSE),
          CliOption.converted(
              COLOR,
              "WHEN",
              Color.class,
              Color.AUTO,
              COLOR_CHOICE,
              "Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never"
                  + " (default: auto)."));

  /** Adds {@link #OPTIONS} to a command's model. */
  static void addTo(CommandSpec spec) {
    CommandModels.addTo(spec, OPTIONS);
  }

  /** Sets the log level from {@code -q} and the number of {@code -v} of the parsed command line. */
  static void apply(CommandSpec spec) {
    apply(CommandModels.values(spec));
  }

  /** Sets the log level from {@code -q} and the number of {@code -v} of the parsed options. */
  static void apply(OptionValues options) {
    boolean[] verbose = options.get(VERBOSE);
    String level = level(verbose == null ? 0 : verbose.length, quiet(options));
    if (level != null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
    }
  }

  /**
   * Sets the log level from the {@code -q} and {@code -v} words of a command line before anything
   * else runs. Logging takes the default level when the first logger is made, and building a
   * command's model already makes some (the datasource classes that declare the source options), so
   * {@link #apply} alone comes too late in a process. Words after {@code --} are operands.
   */
  static void preset(String[] args) {
    presetProvider();
    int verbose = 0;
    boolean quiet = false;
    for (String arg : args) {
      if (arg.equals("--")) {
        break;
      } else if (arg.equals("-q") || arg.equals(QUIET)) {
        quiet = true;
      } else if (arg.equals(VERBOSE)) {
        verbose++;
      } else if (onlyV(arg)) {
        verbose += arg.length() - 1;
      }
    }
    String level = level(verbose, quiet);
    if (level != null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
    }
  }

  /**
   * Names slf4j's provider, the one the jar holds ({@link StderrLoggerProvider}): without it slf4j
   * looks for providers with a {@code ServiceLoader} scan of the class path, milliseconds of every
   * command. slf4j announces a provider named this way at its INFO level, on standard error, so its
   * own reporting is kept to warnings and errors. Either property given on the command line wins.
   * Called before the first logger is made: by {@link #preset}, and by the coreos-cloudinit
   * launcher, which has no logging options.
   */
  static void presetProvider() {
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", StderrLoggerProvider.class.getName());
      if (System.getProperty("slf4j.internal.verbosity") == null) {
        System.setProperty("slf4j.internal.verbosity", "WARN");
      }
    }
  }

  /**
   * Colours the level of log lines on standard error when the {@code --color} word of a command
   * line asks for it ({@code auto}: when standard error is a terminal and NO_COLOR is not set).
   * Words after {@code --} are operands.
   */
  static void presetColor(String[] args) {
    Color color = Color.AUTO;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        break;
      }
      String value = null;
      if (arg.startsWith(COLOR + "=")) {
        value = arg.substring(COLOR.length() + 1);
      } else if (arg.equals(COLOR) && i + 1 < args.length) {
        value = args[i + 1];
      }
      if (value != null) {
        try {
          color = color(value);
        } catch (IllegalArgumentException e) {
          return; // the command's own parsing reports it
        }
      }
    }
    if (color != Color.NEVER
        && colorOn(color, System.getenv(), color == Color.ALWAYS || Terminal.is(2))) {
      String encoding = System.getProperty("sun.stderr.encoding");
      System.setErr(
          new LevelColoring(
              new java.io.FileOutputStream(java.io.FileDescriptor.err),
              encoding == null
                  ? java.nio.charset.Charset.defaultCharset()
                  : java.nio.charset.Charset.forName(encoding)));
    }
  }

  /** Whether {@code arg} is {@code -v}, {@code -vv}, ... (no regular expression at start-up). */
  private static boolean onlyV(String arg) {
    if (arg.length() < 2 || arg.charAt(0) != '-') {
      return false;
    }
    for (int i = 1; i < arg.length(); i++) {
      if (arg.charAt(i) != 'v') {
        return false;
      }
    }
    return true;
  }

  /** The log level for {@code verbose} {@code -v} and {@code -q}, or null for the default. */
  static String level(int verbose, boolean quiet) {
    if (verbose > 1) {
      return "trace";
    }
    if (verbose == 1) {
      return "debug";
    }
    return quiet ? "warn" : null;
  }

  /** Whether {@code -q} was given. */
  static boolean quiet(CommandSpec spec) {
    return quiet(CommandModels.values(spec));
  }

  /** Whether {@code -q} was given. */
  static boolean quiet(OptionValues options) {
    return Boolean.TRUE.equals(options.value(QUIET));
  }

  /** Whether to colour standard output, as {@code --color} asks. */
  static boolean colorOn(CommandSpec spec) {
    Color color = spec.findOption(COLOR).getValue();
    return colorOn(color == null ? Color.AUTO : color);
  }

  /** Whether to colour standard output for {@code color}, here. */
  static boolean colorOn(Color color) {
    return colorOn(color, System.getenv(), Terminal.is(1));
  }

  /** Whether to colour, given the environment and whether standard output is a terminal. */
  static boolean colorOn(Color color, Map<String, String> env, boolean terminal) {
    return switch (color) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO ->
          terminal
              && (env.get("NO_COLOR") == null || env.get("NO_COLOR").isEmpty())
              && !"dumb".equals(env.get("TERM"));
    };
  }

  /** Adds the options to a command built from annotations. */
  public static final class Transformer implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      addTo(spec);
      return spec;
    }
  }

  /**
   * {@code auto}, {@code always} or {@code never}, in any case.
   *
   * @throws IllegalArgumentException for any other value
   */
  static Color color(String value) {
    return COLOR_CHOICE.parse(value);
  }
}
