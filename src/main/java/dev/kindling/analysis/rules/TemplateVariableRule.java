package dev.kindling.analysis.rules;

import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.config.yaml.Position;
import dev.kindling.metadata.Metadata;
import dev.kindling.metadata.Templater;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * With {@code --metadata}, every {@code $private_ipv4}-style variable must have a value: the
 * original silently substituted "" (docs/compatibility.md#variables-without-a-value-are-reported).
 * Validation uses no process environment, so the result does not depend on the machine it runs on.
 */
final class TemplateVariableRule implements Rule {
  @Override
  public void check(RuleContext context, Consumer<Finding> out) {
    if (context.metadata().isEmpty()) {
      return;
    }
    Metadata metadata = context.metadata().get();
    for (Templater.Unresolved u :
        Templater.substitute(context.text(), metadata, Map.of()).unresolved()) {
      String field = metadataField(u.variable());
      String env = "COREOS_" + u.variable().toUpperCase(Locale.ROOT);
      out.accept(
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
