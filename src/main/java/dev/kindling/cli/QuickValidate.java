package dev.kindling.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The common {@code validate} command lines without picocli: {@code [--format FORMAT] [--strict]
 * [--metadata FILE] [--] PATH...}, each option at most once, as {@code --name value} or {@code
 * --name=value}. Building picocli's model of a command (annotation reflection, its own classes)
 * costs more than validating a file, so these command lines skip it; anything else (help, version,
 * an option not listed here, a repeated option, a value picocli would refuse, an {@code @file}
 * argument) returns empty and goes through picocli, which parses it and reports errors as always.
 * {@code QuickValidateTest} checks that for every command line accepted here, picocli fills the
 * command's options with the same values.
 */
final class QuickValidate {
  private QuickValidate() {}

  /** The command with its options set from {@code args}, or empty when picocli must parse them. */
  static Optional<ValidateCommand> parse(String[] args) {
    for (String arg : args) {
      if (arg.startsWith("@")) {
        return Optional.empty(); // an argument file, expanded by picocli
      }
    }
    ValidateCommand command = new ValidateCommand();
    List<String> paths = new ArrayList<>();
    boolean format = false;
    boolean metadata = false;
    boolean optionsEnded = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (optionsEnded || arg.equals("-") || !arg.startsWith("-")) {
        paths.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        optionsEnded = true;
        continue;
      }
      if (arg.equals("--strict") && !command.strict) {
        command.strict = true;
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      String value;
      if (eq >= 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("-")) {
        value = args[++i];
      } else {
        return Optional.empty();
      }
      if (name.equals("--format") && !format) {
        format = true;
        Optional<ValidateCommand.Format> f = format(value);
        if (f.isEmpty()) {
          return Optional.empty();
        }
        command.format = f.get();
      } else if (name.equals("--metadata") && !metadata && !value.isEmpty()) {
        metadata = true;
        try {
          command.metadataFile = Path.of(value);
        } catch (InvalidPathException e) {
          return Optional.empty();
        }
      } else {
        return Optional.empty();
      }
    }
    if (paths.isEmpty()) {
      return Optional.empty();
    }
    command.paths = paths;
    return Optional.of(command);
  }

  private static Optional<ValidateCommand.Format> format(String value) {
    for (ValidateCommand.Format f : ValidateCommand.Format.values()) {
      if (f.name().equals(value.toUpperCase(Locale.ROOT))) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
