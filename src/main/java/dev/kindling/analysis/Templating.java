package dev.kindling.analysis;

import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.bind.EditDistance;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.config.yaml.Position;
import dev.kindling.metadata.Templater;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The findings of the template step: every {@code $private_ipv4}-style variable must have a value
 * in the metadata the analysis was given; the original silently substituted "". Run substitutes ""
 * too (after the {@code COREOS_*} environment fallbacks), so these errors do not keep anything from
 * being applied; they make {@code validate --metadata} fail so that CI catches missing metadata
 * (docs/compatibility.md#variables-without-a-value-are-reported).
 */
final class Templating {
  private Templating() {}

  /** One error per unresolved occurrence, at its {@code $}. */
  static List<Finding> unresolved(List<Templater.Unresolved> unresolved) {
    List<Finding> out = new ArrayList<>(unresolved.size());
    for (Templater.Unresolved u : unresolved) {
      String field = metadataField(u.variable());
      String env = "COREOS_" + u.variable().toUpperCase(Locale.ROOT);
      out.add(
          Finding.error(
                  Code.UNRESOLVED_VARIABLE,
                  ConfigPath.root(),
                  "$" + u.variable() + " has no value: the metadata has no " + field)
              .withHint(
                  "at run time it becomes \"\" unless "
                      + env
                      + " is set in the environment; add "
                      + field
                      + " to the metadata, or write \\$"
                      + u.variable()
                      + " to keep the text as is")
              .at(new Position(u.line(), u.column())));
    }
    return out;
  }

  private static final Pattern WORD = Pattern.compile("\\$([A-Za-z][A-Za-z0-9_]*)");

  /**
   * A warning for each {@code $word} of {@code text} that is not a variable but close to one
   * ({@code $privat_ipv4}, {@code $PRIVATE_IPV4}): it stays in the text as it is.
   */
  static List<Finding> misspelled(String text) {
    List<Finding> out = new ArrayList<>();
    int line = 1;
    int lineStart = 0;
    Matcher m = WORD.matcher(text);
    int scanned = 0;
    while (m.find()) {
      for (int i = scanned; i < m.start(); i++) {
        if (text.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      scanned = m.start();
      if (m.start() > 0 && text.charAt(m.start() - 1) == '\\') {
        continue;
      }
      String word = m.group(1);
      Optional<String> meant = closest(word);
      if (meant.isEmpty()) {
        continue;
      }
      out.add(
          Finding.warning(
                  Code.UNKNOWN_VARIABLE,
                  ConfigPath.root(),
                  "$" + word + " is not a variable; it is left in the text as it is")
              .withHint("did you mean $" + meant.get() + "?")
              .at(new Position(line, m.start() - lineStart + 1)));
    }
    return out;
  }

  /** The variable {@code word} misspells, if it is close to one and starts with none. */
  private static Optional<String> closest(String word) {
    for (String v : Templater.VARIABLES) {
      if (word.startsWith(v)) {
        return Optional.empty(); // substituted: "$private_ipv4abc" is the value, then "abc"
      }
    }
    String lower = word.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String v : Templater.VARIABLES) {
      int d = EditDistance.between(lower, v);
      if (d < bestDistance) {
        bestDistance = d;
        best = v;
      }
    }
    return bestDistance <= 2 ? Optional.of(best) : Optional.empty();
  }

  /** The metadata JSON field that holds a variable's value ({@code privateIPv4}). */
  static String metadataField(String variable) {
    return switch (variable) {
      case "public_ipv4" -> "publicIPv4";
      case "private_ipv4" -> "privateIPv4";
      case "public_ipv6" -> "publicIPv6";
      case "private_ipv6" -> "privateIPv6";
      default -> throw new IllegalArgumentException("unknown variable " + variable);
    };
  }
}
