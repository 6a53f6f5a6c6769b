package dev.kindling.analysis;

import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.config.yaml.Position;
import dev.kindling.metadata.Templater;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
