package dev.kindling.analysis;

import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.Severity;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.metadata.Metadata;
import dev.kindling.metadata.Templater;
import dev.kindling.userdata.Shebang;
import dev.kindling.userdata.UserData;
import dev.kindling.value.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Analyses user data once per part: classify, template, parse, bind, check. The one entry point for
 * {@code validate}, {@code render}, {@code run}, the language server and the web page.
 */
public final class Analyzer {
  private static final String MIME_HINT =
      "a multipart message starts with \"Content-Type: multipart/mixed; boundary=B\" and an empty"
          + " line; each part opens with a line \"--B\", its headers and an empty line; the"
          + " message ends with \"--B--\"";

  private final Optional<Metadata> metadata;
  private final List<PartAnalysis> parts = new ArrayList<>();
  private String firstHostnamePart;

  private Analyzer(Optional<Metadata> metadata) {
    this.metadata = metadata;
  }

  /**
   * Analyses raw user data (gzip and multipart MIME included). Never throws on bad input.
   *
   * @param userData the bytes as the datasource delivered them
   * @param metadata with metadata, {@code $private_ipv4}-style variables are substituted from it
   *     before parsing, as {@code run} does (run passes the metadata with the {@code COREOS_*}
   *     environment fallbacks filled in) and each one without a value is an error; without, they
   *     stay as written ({@code validate} without {@code --metadata})
   */
  public static Analysis analyze(byte[] userData, Optional<Metadata> metadata) {
    UserData data = UserData.classify(userData);
    Analyzer analyzer = new Analyzer(metadata);
    List<Finding> findings = new ArrayList<>();
    switch (data.kind()) {
      case EMPTY, IGNITION -> {}
      case MULTIPART -> {
        data.problem()
            .ifPresent(
                p ->
                    findings.add(
                        Finding.error(Code.MULTIPART, ConfigPath.root(), p).withHint(MIME_HINT)));
        analyzer.walk(data.parts(), "");
      }
      default -> analyzer.part("user-data", Optional.empty(), data);
    }
    return new Analysis(data, findings, analyzer.parts);
  }

  private void walk(List<UserData.Part> mimeParts, String prefix) {
    for (UserData.Part p : mimeParts) {
      String number = prefix + p.index();
      String label = "part " + number + (p.name().isEmpty() ? "" : " (" + p.name() + ")");
      part(label, Optional.of(p), p.content());
      if (p.content().kind() == UserData.Kind.MULTIPART) {
        walk(p.content().parts(), number + ".");
      }
    }
  }

  private void part(String label, Optional<UserData.Part> mime, UserData content) {
    List<Finding> partFindings = new ArrayList<>();
    Optional<String> problem = Optional.empty();
    if (content.problem().isPresent()) {
      String p = content.problem().get();
      boolean compression = content.gzipped() && content.kind() != UserData.Kind.MULTIPART;
      partFindings.add(
          mime.isPresent() || compression
              ? Finding.error(compression ? Code.COMPRESSION : Code.MULTIPART, ConfigPath.root(), p)
              : notCloudConfig(content, Optional.of(p)));
      if (content.kind() == UserData.Kind.MULTIPART) {
        problem = Optional.of(label + " is a malformed multipart message (" + p + ")");
      }
    }
    switch (content.kind()) {
      case CLOUD_CONFIG -> cloudConfig(label, mime, content, partFindings);
      case SCRIPT -> script(label, mime, content, partFindings);
      case INCLUDE -> {
        List<Finding> findings = IncludeFindings.of(content);
        if (findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
          // run refuses user data with an include it cannot fetch, as a whole
          problem =
              Optional.of(
                  label
                      + " is an #include file with lines that cannot be fetched; only metadata is"
                      + " applied");
        }
        parts.add(findingsOnly(label, mime, content, partFindings, findings, problem));
      }
      case UNKNOWN -> {
        if (content.problem().isEmpty()) {
          partFindings.add(
              mime.isPresent()
                  ? PartNotes.unsupported(mime.get().contentType())
                  : notCloudConfig(content, Optional.empty()));
        }
        if (mime.isEmpty() || content.problem().isPresent()) {
          problem =
              Optional.of(
                  label
                      + " is neither cloud-config nor a script"
                      + content.problem().map(p -> " (" + p + ")").orElse("")
                      + "; only metadata is applied");
        }
        parts.add(findingsOnly(label, mime, content, partFindings, List.of(), problem));
      }
      default -> parts.add(findingsOnly(label, mime, content, partFindings, List.of(), problem));
    }
  }

  /**
   * A part that yields only findings (an include, an ignored or empty part): no config, no script.
   */
  private static PartAnalysis findingsOnly(
      String label,
      Optional<UserData.Part> mime,
      UserData content,
      List<Finding> partFindings,
      List<Finding> findings,
      Optional<String> problem) {
    return new PartAnalysis(
        label,
        mime,
        content,
        partFindings,
        findings,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        problem,
        List.of(),
        Optional.empty());
  }

  private void cloudConfig(
      String label, Optional<UserData.Part> mime, UserData content, List<Finding> partFindings) {
    CloudConfigAnalysis.Result result =
        CloudConfigAnalysis.analyze(content.bytes(), metadata, label);
    List<Finding> findings = new ArrayList<>(result.findings());
    String hostname = result.config().map(c -> c.config().hostname()).orElse("");
    if (!hostname.isEmpty() && mime.isPresent()) {
      if (firstHostnamePart == null) {
        firstHostnamePart = label;
      } else {
        findings.add(result.locate(PartNotes.shadowedHostname(hostname, firstHostnamePart)));
        findings.sort((a, b) -> a.position().orElseThrow().compareTo(b.position().orElseThrow()));
      }
    }
    parts.add(
        new PartAnalysis(
            label,
            mime,
            content,
            partFindings,
            findings,
            result.config(),
            Optional.empty(),
            Optional.empty(),
            result.problem(),
            result.unresolved(),
            result.document()));
  }

  private void script(
      String label, Optional<UserData.Part> mime, UserData content, List<Finding> partFindings) {
    // ISO-8859-1 maps bytes to chars one to one, so a script's bytes survive templating.
    String text = new String(content.bytes(), StandardCharsets.ISO_8859_1);
    Templater.Result templated =
        metadata.isPresent()
            ? Templater.substitute(text, metadata.get(), Map.of())
            : Templater.Result.unchanged(text);
    Optional<String> rejection = Optional.empty();
    Optional<Bytes> script =
        Optional.of(Bytes.of(templated.text().getBytes(StandardCharsets.ISO_8859_1)));
    if (Shebang.interpreter(content.text()).isEmpty()) {
      Finding noInterpreter =
          Finding.error(
                  Code.SCRIPT_INTERPRETER, ConfigPath.root(), "the #! line names no interpreter")
              .withHint("name the program that runs the script, e.g. #!/bin/bash");
      partFindings.add(noInterpreter);
      rejection = Optional.of(noInterpreter.message());
      script = Optional.empty();
    }
    mime.flatMap(p -> PartNotes.frequency(p.contentType())).ifPresent(partFindings::add);
    parts.add(
        new PartAnalysis(
            label,
            mime,
            content,
            partFindings,
            List.of(),
            Optional.empty(),
            script,
            rejection,
            Optional.empty(),
            templated.unresolved(),
            Optional.empty()));
  }

  /** The original's error for user data that is neither cloud-config nor a script. */
  private static Finding notCloudConfig(UserData content, Optional<String> problem) {
    String first = content.text().lines().findFirst().orElse("");
    return Finding.error(
            Code.NOT_CLOUD_CONFIG, ConfigPath.root(), problem.orElse(PartNotes.NOT_CLOUD_CONFIG))
        .withHint(PartNotes.notCloudConfigHint(first));
  }
}
