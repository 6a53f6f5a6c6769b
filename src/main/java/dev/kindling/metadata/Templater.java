package dev.kindling.metadata;

import dev.kindling.value.LineBreaks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code $private_ipv4}-style substitution of coreos-cloudinit, over the whole user-data text,
 * with the original's bugs fixed: adjacent occurrences all substitute, and an unresolvable variable
 * is reported (with its line and column) instead of silently becoming "". As upstream, a backslash
 * escapes a variable ({@code \$private_ipv4} stays {@code $private_ipv4}), there is no word
 * boundary, and values fall back to the {@code COREOS_*} environment variables.
 */
public final class Templater {
  /** The variables, in the order they are documented. */
  public static final List<String> VARIABLES =
      List.of("public_ipv4", "private_ipv4", "public_ipv6", "private_ipv6");

  private Templater() {}

  /**
   * One variable occurrence that could not be resolved.
   *
   * @param variable the name without {@code $}, e.g. {@code private_ipv4}
   * @param line 1-based line of the {@code $}
   * @param column 1-based column (code points) of the {@code $}
   */
  public record Unresolved(String variable, int line, int column) {}

  /**
   * One replaced span: {@code source[sourceStart, sourceEnd)} became {@code output[outputStart,
   * outputEnd)} (char offsets): a variable and its value, or an escaped variable without its
   * backslash.
   */
  public record Substitution(int sourceStart, int sourceEnd, int outputStart, int outputEnd) {}

  /**
   * The substituted text, the occurrences that had no value (substituted by "", as the original
   * does), and every replaced span in order, so positions in the text can be traced back.
   */
  public record Result(String text, List<Unresolved> unresolved, List<Substitution> substitutions) {
    public Result {
      Objects.requireNonNull(text, "text");
      unresolved = List.copyOf(unresolved);
      substitutions = List.copyOf(substitutions);
    }

    /** A text left as it is. */
    public static Result unchanged(String text) {
      return new Result(text, List.of(), List.of());
    }
  }

  /** The value of a variable from metadata, else from {@code COREOS_<NAME>} in {@code env}. */
  public static Optional<String> value(
      String variable, Metadata metadata, Map<String, String> env) {
    Optional<String> fromMetadata =
        switch (variable) {
          case "public_ipv4" -> metadata.publicIpv4();
          case "private_ipv4" -> metadata.privateIpv4();
          case "public_ipv6" -> metadata.publicIpv6();
          case "private_ipv6" -> metadata.privateIpv6();
          default -> throw new IllegalArgumentException("unknown variable " + variable);
        };
    if (fromMetadata.isPresent()) {
      return fromMetadata;
    }
    String fromEnv = env.get("COREOS_" + variable.toUpperCase(java.util.Locale.ROOT));
    return fromEnv == null || fromEnv.isEmpty() ? Optional.empty() : Optional.of(fromEnv);
  }

  /** Substitutes every variable in {@code text}. */
  public static Result substitute(String text, Metadata metadata, Map<String, String> env) {
    StringBuilder out = new StringBuilder(text.length());
    List<Unresolved> unresolved = new ArrayList<>();
    List<Substitution> substitutions = new ArrayList<>();
    int line = 1;
    int lineStart = 0;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (LineBreaks.endsLine(text, i)) {
        line++;
        lineStart = i + 1;
      }
      if (c == '$') {
        String variable = variableAt(text, i + 1);
        if (variable != null) {
          boolean escaped = i > 0 && text.charAt(i - 1) == '\\';
          int end = i + 1 + variable.length();
          if (escaped) {
            out.setLength(out.length() - 1);
            int start = out.length();
            out.append('$').append(variable);
            substitutions.add(new Substitution(i - 1, end, start, out.length()));
          } else {
            Optional<String> value = value(variable, metadata, env);
            if (value.isEmpty()) {
              int column = text.codePointCount(lineStart, i) + 1;
              unresolved.add(new Unresolved(variable, line, column));
            }
            int start = out.length();
            out.append(value.orElse(""));
            substitutions.add(new Substitution(i, end, start, out.length()));
          }
          i += 1 + variable.length();
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return new Result(out.toString(), unresolved, substitutions);
  }

  /** Every occurrence of a variable that would be substituted (not escaped). */
  public static List<Unresolved> occurrences(String text) {
    return substitute(text, Metadata.empty(), Map.of()).unresolved();
  }

  private static String variableAt(String text, int from) {
    for (String v : VARIABLES) {
      if (text.startsWith(v, from)) {
        return v;
      }
    }
    return null;
  }
}
