package dev.kindling.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A finding as coreos-cloudinit's validator words it, for the {@code coreos-cloudinit --validate}
 * launcher: Kindling makes a value of the wrong type an error and names the type in a user's words
 * ({@code (want a list of strings)}); the original warns and names Go's type ({@code (want
 * []string)}). Other findings are unchanged.
 */
public final class OriginalWording {
  private static final Pattern WANT =
      Pattern.compile("^(incorrect type for \".*\") \\(want (.*)\\)$");

  private OriginalWording() {}

  /** {@code finding} with the original's severity and message. */
  public static Finding of(Finding finding) {
    if (finding.code() != Code.INCORRECT_TYPE) {
      return finding;
    }
    Matcher m = WANT.matcher(finding.message());
    Optional<FieldKind> kind = m.matches() ? FieldKind.ofUserName(m.group(2)) : Optional.empty();
    String message =
        kind.map(k -> m.group(1) + " (want " + k.goName() + ")").orElse(finding.message());
    return new Finding(
        Severity.WARNING,
        finding.code(),
        message,
        finding.path(),
        finding.target(),
        finding.position(),
        finding.hint());
  }
}
