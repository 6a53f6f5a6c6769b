package dev.kindling.analysis.rules;

import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.Hostname;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.metadata.Metadata;
import dev.kindling.metadata.Templater;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code hostname} must be a valid hostname ({@link Hostname}: letters, digits and {@code -} in
 * dot-separated labels of 1 to 63 characters that do not start or end with {@code -}, at most 64
 * characters in all). Variables such as {@code $private_ipv4} are checked as substituted: the
 * analysis substitutes the given metadata before parsing; without metadata the rule substitutes
 * documentation addresses.
 */
final class HostnameRule implements Rule {
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
    if (written.isEmpty() || ControlCharacterRule.first(written).isPresent()) {
      return; // a control character is an error of ControlCharacterRule's: one finding, not two
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
                            "hostname \""
                                + Hostname.shown(named)
                                + "\" is not valid: "
                                + why
                                + note)
                        .withHint(
                            "a hostname is letters, digits and \"-\" in dot-separated labels of at"
                                + " most 63 characters, 64 in all; hostnamectl would set a"
                                + " cleaned-up name instead")));
  }

  /** Why {@code hostname} is not a valid hostname for user data, or empty. */
  static Optional<String> problem(String hostname) {
    return Hostname.problem(hostname, Hostname.MAX_LENGTH);
  }
}
