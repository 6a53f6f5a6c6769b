package dev.kindling.validate;

import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.config.yaml.Position;
import dev.kindling.metadata.Metadata;
import dev.kindling.userdata.UserData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Validates a multipart message part by part: cloud-config parts fully, scripts and Ignition not at
 * all, parts Kindling ignores with an {@code unsupported-part} warning, malformed MIME with a
 * {@code multipart} error. Entries name their part; lines of parts stored verbatim are lines of the
 * whole file, lines of transfer-encoded or compressed parts are lines of the decoded part (their
 * label ends in {@code ", decoded"}).
 */
final class MultipartValidator {
  /** Appended to the label of a part whose lines are not lines of the file. */
  static final String DECODED = ", decoded";

  private static final String MIME_HINT =
      "a multipart message starts with \"Content-Type: multipart/mixed; boundary=B\" and an empty"
          + " line; each part opens with a line \"--B\", its headers and an empty line; the"
          + " message ends with \"--B--\"";

  private final List<String> lines;
  private final Optional<Metadata> metadata;
  private final List<Entry> entries = new ArrayList<>();
  private String firstHostnamePart;

  private MultipartValidator(UserData message, Optional<Metadata> metadata) {
    this.lines = Arrays.asList(message.text().split("\n", -1));
    this.metadata = metadata;
  }

  /** The entries for a multipart message, in part order. */
  static List<Entry> validate(UserData message, Optional<Metadata> metadata) {
    MultipartValidator v = new MultipartValidator(message, metadata);
    message
        .problem()
        .ifPresent(
            p ->
                v.entries.add(
                    new Entry(
                        Finding.error(Code.MULTIPART, ConfigPath.root(), p)
                            .withHint(MIME_HINT)
                            .at(Position.START),
                        Optional.empty(),
                        Validator.sourceLine(v.lines, 1).map(Validator::printable))));
    v.walk(message.parts(), "");
    return v.entries;
  }

  private void walk(List<UserData.Part> parts, String prefix) {
    for (UserData.Part part : parts) {
      check(part, prefix + part.index());
    }
  }

  private void check(UserData.Part part, String number) {
    String label = "part " + number + (part.name().isEmpty() ? "" : " (" + part.name() + ")");
    boolean located = part.headerLine() > 0;
    String headerLabel = located ? label : label + DECODED;
    UserData content = part.content();
    if (content.problem().isPresent()) {
      String problem = content.problem().get();
      if (content.gzipped() && content.kind() != UserData.Kind.MULTIPART) {
        entries.add(Validator.compression(problem, at(part), Optional.of(headerLabel)));
      } else {
        entries.add(partEntry(part, headerLabel, Finding.error(Code.MULTIPART, root(), problem)));
      }
    }
    switch (content.kind()) {
      case CLOUD_CONFIG -> cloudConfig(part, label);
      case MULTIPART -> walk(content.parts(), number + ".");
      case SCRIPT -> {
        Validator.script(content.text())
            .ifPresent(f -> entries.add(partEntry(part, headerLabel, f)));
        frequency(part, headerLabel);
      }
      case UNKNOWN -> {
        if (content.problem().isEmpty()) {
          entries.add(partEntry(part, headerLabel, unsupported(part)));
        }
      }
      default -> {}
    }
  }

  private void cloudConfig(UserData.Part part, String name) {
    String label = part.firstLine() > 0 ? name : name + DECODED;
    Validator.Checked checked = Validator.check(part.content().bytes(), metadata);
    int offset = Math.max(part.firstLine() - 1, 0);
    List<Finding> findings = new ArrayList<>(checked.findings());
    String hostname = checked.config().hostname();
    if (!hostname.isEmpty() && firstHostnamePart != null) {
      findings.add(
          checked
              .sources()
              .locate(
                  Finding.warning(
                          Code.SHADOWED_HOSTNAME,
                          ConfigPath.of("hostname"),
                          "hostname \""
                              + hostname
                              + "\" is ignored: "
                              + firstHostnamePart
                              + " sets the hostname first")
                      .withHint(
                          "the first cloud-config part that sets a hostname wins; set it in one"
                              + " part only")
                      .onKey()));
      findings.sort(Comparator.comparing((Finding f) -> f.position().orElse(Position.START)));
    } else if (!hostname.isEmpty()) {
      firstHostnamePart = name;
    }
    entries.addAll(
        new Validator.Checked(findings, checked.lines(), checked.config(), checked.sources())
            .entries(label, offset));
  }

  /** cloud-init's run-once script types run at every boot here, which users should know. */
  private void frequency(UserData.Part part, String label) {
    String type = part.contentType();
    if (!type.endsWith("-per-instance") && !type.endsWith("-per-once")) {
      return;
    }
    entries.add(
        partEntry(
            part,
            label,
            Finding.info(
                    Code.UNSUPPORTED_PART,
                    root(),
                    type
                        + " part runs at every boot: Kindling applies user data at each boot and"
                        + " keeps no per-instance or per-once state")
                .withHint("make the script idempotent, e.g. guard it with a marker file")));
  }

  private static Finding unsupported(UserData.Part part) {
    String type = part.contentType();
    return switch (type) {
      case "text/x-include-url", "text/x-include-once-url" ->
          ignored(
              type,
              "Kindling does not fetch included URLs",
              "put the cloud-config itself in a" + " text/cloud-config part");
      case "text/cloud-boothook" ->
          ignored(
              type,
              "Kindling does not run boothooks",
              "use a text/x-shellscript part, or a systemd unit under coreos.units");
      case "text/part-handler" ->
          ignored(
              type,
              "Kindling does not run cloud-init part handlers",
              "use text/cloud-config or text/x-shellscript parts");
      case "text/jinja2" ->
          ignored(
              type,
              "Kindling does not render Jinja templates",
              "use $private_ipv4-style variables in a text/cloud-config part; Kindling substitutes"
                  + " them from metadata");
      case "text/cloud-config-archive", "text/cloud-config-jsonp" ->
          ignored(
              type,
              "Kindling does not read cloud-init archives",
              "send each config as its own text/cloud-config part");
      case "text/upstart-job" ->
          ignored(type, "there is no upstart", "use a systemd unit under coreos.units");
      default ->
          Finding.warning(
                  Code.UNSUPPORTED_PART,
                  root(),
                  (type.isEmpty() ? "part without Content-Type" : type + " part")
                      + " is neither cloud-config, a script nor an Ignition config; Kindling ignores"
                      + " it")
              .withHint(
                  "declare it text/cloud-config or text/x-shellscript, or start it with"
                      + " \"#cloud-config\" or \"#!\"");
    };
  }

  private static Finding ignored(String type, String why, String hint) {
    return Finding.warning(Code.UNSUPPORTED_PART, root(), type + " part is ignored: " + why)
        .withHint(hint);
  }

  /** A finding about a whole part, placed at the line that declares the part. */
  private Entry partEntry(UserData.Part part, String label, Finding finding) {
    Optional<String> source =
        part.headerLine() > 0 ? Validator.sourceLine(lines, part.headerLine()) : Optional.empty();
    return new Entry(finding.at(at(part)), Optional.of(label), source.map(Validator::printable));
  }

  /** The part's Content-Type value (or its boundary line) when known, else the start. */
  private Position at(UserData.Part part) {
    if (part.headerLine() <= 0) {
      return Position.START;
    }
    String line = Validator.sourceLine(lines, part.headerLine()).orElse("");
    int column = 1;
    if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
      column = "content-type:".length() + 1;
      while (column <= line.length()
          && (line.charAt(column - 1) == ' ' || line.charAt(column - 1) == '\t')) {
        column++;
      }
      column = Math.min(column, line.codePointCount(0, line.length()) + 1);
    }
    return new Position(part.headerLine(), column);
  }

  private static ConfigPath root() {
    return ConfigPath.root();
  }
}
