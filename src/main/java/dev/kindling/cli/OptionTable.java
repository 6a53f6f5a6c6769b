package dev.kindling.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's options as one table: picocli's model is built from it ({@link CommandModels#addTo})
 * and the usual command lines are parsed with it directly, without starting picocli (its classes
 * and its model cost more than a boot's own argument handling). The direct parse takes options as
 * {@code --name value}, {@code --name=value}, flags and clusters of one-letter flags ({@code -qv}),
 * and operands when the command has them; it declines (returns empty) anything else, so that
 * picocli parses it and reports its errors as always: help and version, an unknown option, an
 * option given twice, a missing, empty or refused value, a value that looks like an option, an
 * {@code @file} argument, and {@code --} on a command without operands.
 */
final class OptionTable {
  private final List<CliOption> options;
  private final boolean operands;
  private final Map<String, CliOption> byName = new HashMap<>();

  private OptionTable(List<CliOption> options, boolean operands) {
    this.options = List.copyOf(options);
    this.operands = operands;
    for (CliOption o : this.options) {
      for (String name : o.names()) {
        if (byName.put(name, o) != null) {
          throw new IllegalArgumentException("option named twice: " + name);
        }
      }
    }
  }

  /** A table of options for a command without operands. */
  static OptionTable of(List<CliOption> options) {
    return new OptionTable(options, false);
  }

  /** A table of options for a command that takes one or more operands. */
  static OptionTable withOperands(List<CliOption> options) {
    return new OptionTable(options, true);
  }

  /** The options, in the order they were listed. */
  List<CliOption> options() {
    return options;
  }

  /**
   * The option values of {@code args} (each option's initial value when it is not given), or empty
   * when picocli must parse them.
   */
  Optional<Parsed> parse(String[] args) {
    Parsed parsed = new Parsed();
    for (CliOption o : options) {
      parsed.values.put(o.key(), o.initial());
    }
    for (String arg : args) {
      if (arg.startsWith("@")) {
        return Optional.empty(); // an argument file, expanded by picocli
      }
    }
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (operands && arg.equals("--")) {
        parsed.operands.addAll(Arrays.asList(args).subList(i + 1, args.length));
        break;
      }
      if (!arg.startsWith("-") || arg.equals("-")) {
        if (!operands) {
          return Optional.empty();
        }
        parsed.operands.add(arg);
        continue;
      }
      if (!arg.startsWith("--") && arg.length() > 2) {
        if (!cluster(arg, parsed)) {
          return Optional.empty();
        }
        continue;
      }
      int eq = arg.indexOf('=');
      CliOption option = byName.get(eq < 0 ? arg : arg.substring(0, eq));
      if (option == null) {
        return Optional.empty();
      }
      boolean takesValue =
          option.kind() == CliOption.Kind.VALUE || option.kind() == CliOption.Kind.LIST;
      if (!takesValue) {
        if (eq >= 0 || !set(option, parsed)) {
          return Optional.empty();
        }
        continue;
      }
      String text;
      if (eq >= 0) {
        text = arg.substring(eq + 1);
      } else if (i + 1 < args.length) {
        text = args[++i];
      } else {
        return Optional.empty();
      }
      if (!value(option, text, parsed)) {
        return Optional.empty();
      }
    }
    if (operands && parsed.operands.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(parsed);
  }

  /** {@code -qv}: every letter a flag of its own. */
  private boolean cluster(String arg, Parsed parsed) {
    for (int c = 1; c < arg.length(); c++) {
      CliOption option = byName.get("-" + arg.charAt(c));
      if (option == null || !set(option, parsed)) {
        return false;
      }
    }
    return true;
  }

  /** Records a flag; false for help, version and a flag given twice. */
  private static boolean set(CliOption option, Parsed parsed) {
    switch (option.kind()) {
      case FLAG -> {
        if (!parsed.given.add(option.key())) {
          return false;
        }
        parsed.values.put(option.key(), true);
        return true;
      }
      case COUNT -> {
        boolean[] before = (boolean[]) parsed.values.get(option.key());
        boolean[] after = new boolean[before.length + 1];
        Arrays.fill(after, true);
        parsed.values.put(option.key(), after);
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  /**
   * Records a value; false for a value given twice (unless a list), empty, option-like or refused.
   */
  @SuppressWarnings("unchecked")
  private static boolean value(CliOption option, String text, Parsed parsed) {
    if (text.isEmpty() || (text.startsWith("-") && !text.equals("-"))) {
      return false;
    }
    if (option.kind() == CliOption.Kind.LIST) {
      List<String> before = (List<String>) parsed.values.get(option.key());
      List<String> after = before == null ? new ArrayList<>() : new ArrayList<>(before);
      after.add(text);
      parsed.values.put(option.key(), after);
      return true;
    }
    if (!parsed.given.add(option.key())) {
      return false;
    }
    try {
      parsed.values.put(option.key(), option.convert(text));
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The result of a direct parse. */
  static final class Parsed implements OptionValues {
    private final Map<String, Object> values = new HashMap<>();
    private final Set<String> given = new HashSet<>();
    private final List<String> operands = new ArrayList<>();

    @Override
    public Object value(String name) {
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("no option " + name);
      }
      return values.get(name);
    }

    /** The operands, in order. */
    List<String> operands() {
      return List.copyOf(operands);
    }
  }
}
