package dev.kindling.analysis.rules;

import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.metadata.Metadata;
import dev.kindling.metadata.Templater;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code hostname} must be a valid hostname (systemd {@code hostname_is_valid}): letters, digits
 * and {@code -} in dot-separated labels of 1 to 63 characters that do not start or end with {@code
 * -}, at most 64 characters in all ({@code HOST_NAME_MAX}). Variables such as {@code $private_ipv4}
 * are checked as substituted: the analysis substitutes the given metadata before parsing; without
 * metadata the rule substitutes documentation addresses.
 */
final class HostnameRule implements Rule {
  static final int MAX_LENGTH = 64;
  static final int MAX_LABEL = 63;

  private static final Metadata EXAMPLE =
      new Metadata(
          Optional.empty(),
          Optional.empty(),
          Optional.of("203.0.113.1"),
          Optional.of("192.0.2.1"),
          Optional.of("2001:db8::1"),
          Optional.of("2001:db8::2"),
          Map.of(),
          Optional.empty());

  @Override
  public void check(RuleContext context, Consumer<Finding> out) {
    String written = context.config().hostname();
    if (written.isEmpty()) {
      return;
    }
    String hostname;
    String note;
    if (context.metadata().isPresent()) {
      // The analysis substituted the variables before parsing.
      hostname = written;
      note =
          context.substituted(ConfigPath.of("hostname"))
              ? " (after substituting the metadata)"
              : "";
    } else {
      hostname = Templater.substitute(written, EXAMPLE, Map.of()).text();
      note =
          hostname.equals(written) ? "" : " (with example addresses substituted for the variables)";
    }
    String named = context.metadata().isPresent() ? hostname : written;
    problem(hostname)
        .ifPresent(
            why ->
                out.accept(
                    Finding.warning(
                            Code.HOSTNAME,
                            ConfigPath.of("hostname"),
                            "hostname \"" + shown(named) + "\" is not valid: " + why + note)
                        .withHint(
                            "a hostname is letters, digits and \"-\" in dot-separated labels of at"
                                + " most 63 characters, 64 in all; hostnamectl would set a"
                                + " cleaned-up name instead")));
  }

  /** Why {@code hostname} is not a valid hostname, or empty. */
  static Optional<String> problem(String hostname) {
    if (hostname.isEmpty()) {
      return Optional.of("it is empty");
    }
    if (hostname.length() > MAX_LENGTH) {
      return Optional.of("it is longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < hostname.length(); i++) {
      char c = hostname.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '.';
      if (!ok) {
        return Optional.of(describe(hostname.codePointAt(i)) + " is not allowed");
      }
    }
    if (hostname.endsWith(".")) {
      return Optional.of("it ends with a dot");
    }
    for (String label : hostname.split("\\.", -1)) {
      if (label.isEmpty()) {
        return Optional.of("it has an empty label (two dots, or a leading dot)");
      }
      if (label.length() > MAX_LABEL) {
        return Optional.of("a label is longer than " + MAX_LABEL + " characters");
      }
      if (label.startsWith("-") || label.endsWith("-")) {
        return Optional.of("label \"" + label + "\" starts or ends with \"-\"");
      }
    }
    return Optional.empty();
  }

  /** The name with control characters escaped, abbreviated past 70 characters. */
  private static String shown(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints()
        .limit(70)
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return name.codePointCount(0, name.length()) > 70 ? out + "…" : out.toString();
  }

  private static String describe(int codePoint) {
    if (codePoint == ' ') {
      return "a space";
    }
    if (Character.isISOControl(codePoint) || !Character.isDefined(codePoint)) {
      return String.format("character U+%04X", codePoint);
    }
    return "\"" + new String(Character.toChars(codePoint)) + "\"";
  }
}
