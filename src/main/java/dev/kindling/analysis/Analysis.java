package dev.kindling.analysis;

import dev.kindling.config.Finding;
import dev.kindling.config.Severity;
import dev.kindling.userdata.UserData;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * User data analysed once, for every consumer: {@code validate} reports its findings, {@code
 * render} and {@code run} plan its parts, the language server and the web page show both.
 *
 * @param userData the user data, classified
 * @param findings findings about the user data as a whole (a malformed MIME message), placed at its
 *     start
 * @param parts the parts in the order they are applied: one for user data that is not multipart,
 *     none for empty or Ignition user data, and for multipart every part, nested messages flattened
 *     after their own entry
 */
public record Analysis(UserData userData, List<Finding> findings, List<PartAnalysis> parts) {
  public Analysis {
    Objects.requireNonNull(userData, "userData");
    findings = List.copyOf(findings);
    parts = List.copyOf(parts);
  }

  /** Every finding, of the whole and of each part. */
  public Stream<Finding> allFindings() {
    return Stream.concat(
        findings.stream(),
        parts.stream()
            .flatMap(p -> Stream.concat(p.partFindings().stream(), p.findings().stream())));
  }

  /** Whether any finding is an error ({@code validate} exits 1). */
  public boolean hasErrors() {
    return allFindings().anyMatch(f -> f.severity() == Severity.ERROR);
  }

  /** Whether the user data is an Ignition config, which Kindling leaves alone. */
  public boolean isIgnition() {
    return userData.kind() == UserData.Kind.IGNITION;
  }
}
