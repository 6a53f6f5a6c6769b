package dev.kindling.lsp;

import dev.kindling.config.bind.EditDistance;
import dev.kindling.config.yaml.YamlParser;
import dev.kindling.userdata.UserData;
import dev.kindling.validate.FileReport;
import dev.kindling.validate.Validator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the server knows about one version of a document: whether it is user data at all (other YAML
 * files get no diagnostics), its findings from the same validator {@code kindling validate} runs,
 * and its outline for hover, completion and fixes. Costs what {@code validate} costs: the same size
 * limits apply.
 */
final class Analysis {
  /** Larger documents are not validated, as {@code kindling validate} refuses larger files. */
  static final int MAX_CHARS = 64 * 1024 * 1024;

  private static final String CLOUD_CONFIG = "#cloud-config";

  /** File names that are user data whatever they hold. */
  private static final Set<String> USER_DATA_NAMES = Set.of("user-data", "user_data");

  private final TextDocument document;
  private final UserData.Kind kind;
  private final boolean userData;
  private final List<Diagnostics.Located> diagnostics;
  private YamlOutline outline;

  private Analysis(
      TextDocument document,
      UserData.Kind kind,
      boolean userData,
      List<Diagnostics.Located> diagnostics) {
    this.document = document;
    this.kind = kind;
    this.userData = userData;
    this.diagnostics = diagnostics;
  }

  /** Classifies and validates a document. */
  static Analysis of(TextDocument document) {
    if (document.text().length() > MAX_CHARS) {
      return new Analysis(document, UserData.Kind.UNKNOWN, false, List.of());
    }
    byte[] bytes = document.bytes();
    UserData.Kind kind = UserData.classify(bytes).kind();
    boolean userData =
        switch (kind) {
          case CLOUD_CONFIG, MULTIPART, SCRIPT, INCLUDE -> true;
          case UNKNOWN -> claimsToBeUserData(document);
          case EMPTY, IGNITION -> false;
        };
    if (!userData) {
      return new Analysis(document, kind, false, List.of());
    }
    FileReport report = Validator.validate(document.uri(), bytes, Optional.empty());
    return new Analysis(document, kind, true, Diagnostics.of(report, document));
  }

  /**
   * Whether a document that is not valid user data was meant to be: it is named like user data, or
   * its first line is a misspelt {@code #cloud-config} header or a MIME header.
   */
  private static boolean claimsToBeUserData(TextDocument document) {
    String uri = document.uri();
    String name = uri.substring(uri.lastIndexOf('/') + 1);
    if (USER_DATA_NAMES.contains(name) || name.endsWith(".cloud-config")) {
      return true;
    }
    String first =
        document.line(0).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replace(" ", "");
    String header = first.substring(0, Math.min(first.length(), CLOUD_CONFIG.length()));
    return EditDistance.between(header, CLOUD_CONFIG) <= 2 || first.startsWith("content-type:");
  }

  TextDocument document() {
    return document;
  }

  /** Whether the document is user data Kindling checks (else the server leaves it alone). */
  boolean isUserData() {
    return userData;
  }

  /** The diagnostics, each with the entry it came from; empty for documents that are not ours. */
  List<Diagnostics.Located> diagnostics() {
    return diagnostics;
  }

  /** The outline of a cloud-config document, for hover, completion and fixes. */
  synchronized Optional<YamlOutline> outline() {
    if (kind != UserData.Kind.CLOUD_CONFIG
        || document.text().length() > YamlParser.MAX_CODE_POINTS) {
      return Optional.empty();
    }
    if (outline == null) {
      outline = YamlOutline.of(document);
    }
    return Optional.of(outline);
  }
}
