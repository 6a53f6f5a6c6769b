package dev.kindling.validate;

import dev.kindling.config.Code;
import dev.kindling.config.CodeDocs;
import dev.kindling.metadata.Metadata;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * Generates {@code docs/codes.md} from {@link CodeDocs}: one section per finding code with what it
 * means, an example, what {@code kindling validate} says about the example (run here, so the page
 * shows real output), and the fix.
 */
public final class CodesPage {
  /** The name the examples are validated under. */
  static final String EXAMPLE_FILE = "user-data";

  private CodesPage() {}

  /** The page as committed. */
  public static String render() {
    StringBuilder out = new StringBuilder();
    out.append("# Finding codes\n\n");
    out.append(
        "<!-- Generated from dev.kindling.config.CodeDocs by dev.kindling.validate.CodesPage; do"
            + " not edit. Regenerate with: mvn -B -ntp test -Dtest=CodesPageTest"
            + " -Dcodes.update=true -->\n\n");
    out.append(
        "Every finding of `kindling validate` carries one of these codes, in every output format"
            + " (text, JSON, SARIF) and in editors (`kindling lsp`). Each section says what the"
            + " finding means, shows user data that produces it with what `kindling validate` says"
            + " about it, and how to fix it. Severities: an `error` means `run` cannot apply"
            + " something as written; a `warning` that it applies something other than what was"
            + " probably meant, or ignores it; an `info` that something is worth knowing.\n\n");
    out.append("| code | in short |\n|---|---|\n");
    for (Code code : Code.values()) {
      out.append("| [`")
          .append(code.id())
          .append("`](#")
          .append(code.id())
          .append(") | ")
          .append(code.summary())
          .append(" |\n");
    }
    for (Code code : Code.values()) {
      section(out, CodeDocs.of(code));
    }
    return out.toString();
  }

  private static void section(StringBuilder out, CodeDocs.Doc doc) {
    out.append("\n## ").append(doc.code().id()).append("\n\n");
    out.append(capitalised(doc.code().summary())).append(".\n\n");
    out.append(doc.meaning()).append("\n\n");
    out.append(
        switch (doc.input()) {
          case TEXT -> "**Example:**";
          case WITH_METADATA ->
              "**Example** (validated with `--metadata` of a document that has only `instanceId` and"
                  + " `privateIPv4`):";
          case GZIP_CUT_SHORT ->
              ", gzip-compressed and cut short (`gzip -c user-data | head -c 24`):";
        });
    out.append("\n\n```").append(fence(doc.example())).append('\n').append(doc.example());
    out.append("```\n\n");
    out.append("`kindling validate ").append(EXAMPLE_FILE).append("` says:\n\n");
    out.append("```\n").append(output(doc)).append("```\n\n");
    out.append("**Fix:** ").append(doc.fix()).append('\n');
  }

  /**
   * What {@code kindling explain CODE} prints: the same text as the code's section of the page (one
   * source), laid out for a terminal.
   */
  public static String explain(Code code) {
    CodeDocs.Doc doc = CodeDocs.of(code);
    StringBuilder out = new StringBuilder();
    out.append(code.id()).append(": ").append(code.summary()).append("\n\n");
    out.append(doc.meaning()).append("\n\n");
    out.append(
        switch (doc.input()) {
          case TEXT -> "Example:";
          case WITH_METADATA -> "Example (validated with --metadata giving only a private IPv4):";
          case GZIP_CUT_SHORT -> "Example (gzip-compressed and cut short):";
        });
    out.append("\n\n").append(indented(doc.example())).append('\n');
    out.append("kindling validate ").append(EXAMPLE_FILE).append(" says:\n\n");
    out.append(indented(output(doc))).append('\n');
    out.append("Fix: ").append(doc.fix()).append("\n\n");
    out.append("More: ").append(CodeDocs.helpUri(code)).append('\n');
    return out.toString();
  }

  private static String indented(String text) {
    StringBuilder out = new StringBuilder();
    text.lines().forEach(line -> out.append(line.isEmpty() ? "" : "    " + line).append('\n'));
    return out.toString();
  }

  /** What {@code kindling validate} prints for the example. */
  static String output(CodeDocs.Doc doc) {
    StringWriter text = new StringWriter();
    new TextReportPrinter(new PrintWriter(text)).print(List.of(report(doc)));
    return text.toString();
  }

  /** The report for the example, validated as {@link CodeDocs.Input} says. */
  static FileReport report(CodeDocs.Doc doc) {
    byte[] bytes = doc.example().getBytes(StandardCharsets.UTF_8);
    Optional<Metadata> metadata = Optional.empty();
    switch (doc.input()) {
      case TEXT -> {}
      case WITH_METADATA -> metadata = Optional.of(exampleMetadata());
      case GZIP_CUT_SHORT -> bytes = Arrays.copyOf(gzip(bytes), 24);
    }
    return Validator.validate(EXAMPLE_FILE, bytes, metadata);
  }

  private static Metadata exampleMetadata() {
    Metadata none = Metadata.empty();
    return new Metadata(
        Optional.of("i-0123456789abcdef0"),
        none.hostname(),
        none.publicIpv4(),
        Optional.of("10.0.0.5"),
        none.publicIpv6(),
        none.privateIpv6(),
        Map.of(),
        none.networkConfig());
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The language of an example's code block: MIME messages are not YAML. */
  private static String fence(String example) {
    return example.startsWith("#cloud-config") ? "yaml" : "";
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
