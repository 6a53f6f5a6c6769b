package dev.kindling.validate;

import dev.kindling.analysis.rules.Rule;
import dev.kindling.analysis.rules.RuleContext;
import dev.kindling.analysis.rules.Rules;
import dev.kindling.config.CloudConfig;
import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.bind.BindResult;
import dev.kindling.config.bind.ConfigBinder;
import dev.kindling.config.bind.SourceMap;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.config.yaml.Position;
import dev.kindling.config.yaml.YamlDocument;
import dev.kindling.config.yaml.YamlParser;
import dev.kindling.metadata.Metadata;
import dev.kindling.userdata.Shebang;
import dev.kindling.userdata.UserData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Validates user data: classifies it, binds cloud-config with the same binder {@code run} uses,
 * runs every rule and returns the entries in document order. Multipart messages are validated part
 * by part ({@link MultipartValidator}).
 */
public final class Validator {
  /** The original's message for user data that is neither cloud-config nor a script. */
  static final String NOT_CLOUD_CONFIG = "must be \"#cloud-config\" or begin with \"#!\"";

  private Validator() {}

  /** Validates one input. Never throws on bad input. */
  public static FileReport validate(String file, byte[] data, Optional<Metadata> metadata) {
    UserData userData = UserData.classify(data);
    List<Entry> entries = new ArrayList<>();
    switch (userData.kind()) {
      case CLOUD_CONFIG -> entries.addAll(check(userData.bytes(), metadata).entries(""));
      case MULTIPART -> entries.addAll(MultipartValidator.validate(userData, metadata));
      case SCRIPT ->
          script(userData.text()).ifPresent(f -> entries.add(atStart(f, userData.text())));
      case UNKNOWN -> {
        if (userData.problem().isPresent() && userData.gzipped()) {
          entries.add(compression(userData.problem().get(), Position.START, Optional.empty()));
        } else {
          entries.add(notCloudConfig(userData.text(), userData.problem()));
        }
      }
      default -> {}
    }
    return new FileReport(file, userData.kind(), entries);
  }

  /** The findings for a cloud-config document, located and in document order. */
  static List<Entry> validateCloudConfig(byte[] bytes, Optional<Metadata> metadata) {
    return check(bytes, metadata).entries("");
  }

  /** Parses, binds and checks one cloud-config document. */
  static Checked check(byte[] bytes, Optional<Metadata> metadata) {
    YamlDocument document = YamlParser.parse(bytes);
    BindResult bound = ConfigBinder.bind(document);
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<Finding> findings = new ArrayList<>(bound.findings());
    if (document.problems().isEmpty()) {
      RuleContext context = new RuleContext(bound.config(), bound.sources(), text, metadata);
      for (Rule rule : Rules.all()) {
        rule.check(context, f -> findings.add(bound.sources().locate(f)));
      }
    }
    findings.sort(Comparator.comparing((Finding f) -> f.position().orElse(Position.START)));
    List<String> lines = SecretMask.apply(Arrays.asList(text.split("\n", -1)), document);
    return new Checked(findings, lines, bound.config(), bound.sources());
  }

  /**
   * A checked cloud-config document.
   *
   * @param findings located findings in document order
   * @param lines the document's lines, secret values masked ({@link SecretMask})
   * @param config the bound config
   * @param sources where its values came from
   */
  record Checked(
      List<Finding> findings, List<String> lines, CloudConfig config, SourceMap sources) {
    /** The findings as entries, labelled with {@code part} when not empty. */
    List<Entry> entries(String part) {
      return entries(part, 0);
    }

    /** The entries with every line moved down by {@code offset} (a part's place in its file). */
    List<Entry> entries(String part, int offset) {
      List<Entry> entries = new ArrayList<>(findings.size());
      for (Finding f : findings) {
        Position p = f.position().orElse(Position.START);
        Optional<String> source = sourceLine(lines, p.line());
        Finding moved = offset == 0 ? f : f.at(new Position(p.line() + offset, p.column()));
        entries.add(
            new Entry(moved, part.isEmpty() ? Optional.empty() : Optional.of(part), source));
      }
      return entries;
    }
  }

  /** Line {@code line} (1-based) of {@code lines}, without a trailing CR. */
  static Optional<String> sourceLine(List<String> lines, int line) {
    if (line < 1 || line > lines.size()) {
      return Optional.empty();
    }
    String text = lines.get(line - 1);
    return Optional.of(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
  }

  /** The error for a script whose {@code #!} line names no interpreter, if so (run refuses it). */
  static Optional<Finding> script(String text) {
    if (!Shebang.interpreter(text).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        Finding.error(
                Code.SCRIPT_INTERPRETER, ConfigPath.root(), "the #! line names no interpreter")
            .withHint("name the program that runs the script, e.g. #!/bin/bash"));
  }

  /** The error for gzip that does not decompress. */
  static Entry compression(String problem, Position at, Optional<String> part) {
    Finding f = Finding.error(Code.COMPRESSION, ConfigPath.root(), problem).at(at);
    return new Entry(f, part, Optional.empty());
  }

  /** The original's error; {@code problem} replaces its message if classification failed. */
  private static Entry notCloudConfig(String text, Optional<String> problem) {
    String first = text.lines().findFirst().orElse("");
    return atStart(
        Finding.error(Code.NOT_CLOUD_CONFIG, ConfigPath.root(), problem.orElse(NOT_CLOUD_CONFIG))
            .withHint(notCloudConfigHint(first)),
        text);
  }

  /** {@code f} at line 1, column 1 of {@code text}, shown with that (printable) first line. */
  private static Entry atStart(Finding f, String text) {
    String first = text.lines().findFirst().orElse("");
    return new Entry(f.at(Position.START), Optional.empty(), Optional.of(printable(first)));
  }

  /** What to do, depending on what the first line looks like. */
  static String notCloudConfigHint(String first) {
    String squeezed = first.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replace(" ", "");
    if (squeezed.startsWith("#cloud-config") || squeezed.startsWith("#cloudconfig")) {
      return "the first line must be exactly \"#cloud-config\" (lowercase, no leading spaces or"
          + " BOM, nothing after it)";
    }
    if (squeezed.startsWith("content-type:")) {
      return "a MIME message must declare \"Content-Type: multipart/mixed; boundary=...\";"
          + " put cloud-config in a text/cloud-config part";
    }
    if (squeezed.startsWith("{")) {
      return "JSON user data must be an Ignition config (with \"ignition\": {\"version\": ...});"
          + " cloud-config is YAML that starts with the line \"#cloud-config\"";
    }
    return "start cloud-config with the line \"#cloud-config\", a script with \"#!\", or send a"
        + " multipart MIME message (Content-Type: multipart/mixed)";
  }

  /** The line with control characters shown as '?', for the caret display of binary input. */
  static String printable(String line) {
    StringBuilder out = new StringBuilder(Math.min(line.length(), 200));
    line.codePoints()
        .limit(200)
        .forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) && cp != '\t' ? '?' : cp));
    return out.toString();
  }
}
