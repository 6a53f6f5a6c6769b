package dev.kindling.validate;

import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.bind.BindResult;
import dev.kindling.config.bind.ConfigBinder;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.config.yaml.Position;
import dev.kindling.config.yaml.YamlDocument;
import dev.kindling.config.yaml.YamlParser;
import dev.kindling.metadata.Metadata;
import dev.kindling.userdata.UserData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Validates user data: classifies it, binds cloud-config with the same binder {@code run} uses,
 * runs every rule and returns the entries in document order.
 */
public final class Validator {
  private Validator() {}

  /** Validates one input. Never throws on bad input. */
  public static FileReport validate(String file, byte[] data, Optional<Metadata> metadata) {
    UserData userData = UserData.classify(data);
    List<Entry> entries = new ArrayList<>();
    if (userData.problem().isPresent()) {
      entries.add(
          new Entry(
              Finding.error(Code.COMPRESSION, ConfigPath.root(), userData.problem().get())
                  .at(Position.START),
              Optional.empty(),
              Optional.empty()));
    }
    switch (userData.kind()) {
      case CLOUD_CONFIG -> entries.addAll(validateCloudConfig(userData.bytes(), metadata));
      case UNKNOWN -> {
        if (userData.problem().isEmpty()) {
          entries.add(notCloudConfig(userData.text()));
        }
      }
      default -> {}
    }
    return new FileReport(file, userData.kind(), entries);
  }

  /** The findings for a cloud-config document, located and in document order. */
  static List<Entry> validateCloudConfig(byte[] bytes, Optional<Metadata> metadata) {
    YamlDocument document = YamlParser.parse(bytes);
    BindResult bound = ConfigBinder.bind(document);
    String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    List<Finding> findings = new ArrayList<>(bound.findings());
    if (document.problems().isEmpty()) {
      RuleContext context = new RuleContext(bound.config(), bound.sources(), text, metadata);
      for (Rule rule : Rules.all()) {
        rule.check(context, f -> findings.add(bound.sources().locate(f)));
      }
    }
    findings.sort(Comparator.comparing((Finding f) -> f.position().orElse(Position.START)));
    String[] lines = text.split("\n", -1);
    List<Entry> entries = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      int line = f.position().orElse(Position.START).line();
      Optional<String> source =
          line <= lines.length ? Optional.of(stripCr(lines[line - 1])) : Optional.empty();
      entries.add(new Entry(f, Optional.empty(), source));
    }
    return entries;
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private static Entry notCloudConfig(String text) {
    Finding f =
        Finding.error(
                Code.NOT_CLOUD_CONFIG,
                ConfigPath.root(),
                "must be \"#cloud-config\" or begin with \"#!\"")
            .at(Position.START);
    String first = text.lines().findFirst().orElse("");
    String hint =
        first
                .replace("\uFEFF", "")
                .strip()
                .toLowerCase(java.util.Locale.ROOT)
                .replace(" ", "")
                .startsWith("#cloud-config")
            ? "the first line must be exactly \"#cloud-config\" (lowercase, no leading spaces or"
                + " BOM, nothing after it)"
            : "start cloud-config with the line \"#cloud-config\", or a script with \"#!\"";
    return new Entry(f.withHint(hint), Optional.empty(), Optional.of(first));
  }
}
