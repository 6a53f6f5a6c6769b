package dev.kindling.analysis;

import dev.kindling.config.CheckedConfig;
import dev.kindling.config.Finding;
import dev.kindling.config.yaml.YamlDocument;
import dev.kindling.metadata.Templater;
import dev.kindling.userdata.UserData;
import dev.kindling.value.Bytes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One user-data part, analysed once: the whole user data when it is not multipart, else one MIME
 * part. {@code validate} reports its findings; {@code render} and {@code run} apply its config or
 * script, except what the findings reject.
 *
 * @param label how run names the part: {@code user-data}, {@code part 2 (etcd.yaml)}, {@code part
 *     3.1}
 * @param part the MIME part (its headers and where it stands in the message); empty when the user
 *     data is not multipart
 * @param content the part's content, classified
 * @param partFindings findings about the part as a whole (a type Kindling ignores, content that
 *     does not decompress, not cloud-config): without a position, a report places them at the
 *     part's declaration or at the start of the user data
 * @param findings findings about the content, positions in the content's own text (the text the
 *     user wrote, before templating), in document order
 * @param config the checked cloud-config, when the part is cloud-config that could be read
 * @param script the script to run (templated), when the part is a script that may run
 * @param rejection why the script part is not run, if it is not
 * @param problem why nothing of the part can be applied, if so (run then applies the metadata and
 *     exits 1)
 * @param unresolved the template variables that had no value, at their lines in the content
 * @param document the cloud-config as parsed, when its positions are those of the text as written
 *     (no variable was substituted), for reports that need the tree (masking secrets in excerpts)
 */
public record PartAnalysis(
    String label,
    Optional<UserData.Part> part,
    UserData content,
    List<Finding> partFindings,
    List<Finding> findings,
    Optional<CheckedConfig> config,
    Optional<Bytes> script,
    Optional<String> rejection,
    Optional<String> problem,
    List<Templater.Unresolved> unresolved,
    Optional<YamlDocument> document) {
  public PartAnalysis {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(content, "content");
    partFindings = List.copyOf(partFindings);
    findings = List.copyOf(findings);
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(rejection, "rejection");
    Objects.requireNonNull(problem, "problem");
    unresolved = List.copyOf(unresolved);
    Objects.requireNonNull(document, "document");
  }

  /** What kind of content the part holds. */
  public UserData.Kind kind() {
    return content.kind();
  }
}
