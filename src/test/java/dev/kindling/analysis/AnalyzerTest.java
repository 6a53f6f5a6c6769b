package dev.kindling.analysis;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.config.Code;
import dev.kindling.config.Rejection;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.metadata.Metadata;
import dev.kindling.userdata.UserData;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The analysis value: one per part, with the config, the findings and what they reject. */
class AnalyzerTest {
  private static Analysis analyze(String text) {
    return Analyzer.analyze(text.getBytes(UTF_8), Optional.empty());
  }

  @Test
  void analyze_cloudConfig_onePartWithCheckedConfigAndRejections() {
    Analysis analysis =
        analyze(
            "#cloud-config\n"
                + "hostname: node1\n"
                + "write_files:\n"
                + "  - path: /usr/share/x\n"
                + "    permissions: '0999'\n");

    assertThat(analysis.parts()).hasSize(1);
    PartAnalysis part = analysis.parts().get(0);
    assertThat(part.label()).isEqualTo("user-data");
    assertThat(part.kind()).isEqualTo(UserData.Kind.CLOUD_CONFIG);
    assertThat(part.problem()).isEmpty();
    assertThat(part.config().orElseThrow().config().hostname()).isEqualTo("node1");
    assertThat(part.config().orElseThrow().rejections())
        .extracting(Rejection::path, Rejection::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                ConfigPath.of("write_files", 0, "path"),
                "file cannot be written to a read-only filesystem"),
            org.assertj.core.groups.Tuple.tuple(
                ConfigPath.of("write_files", 0, "permissions"), "invalid value 0999"));
    assertThat(analysis.hasErrors()).isTrue();
  }

  @Test
  void analyze_rejectionsOfASecondBlock_haveModelIndexesAndDisplayPaths() {
    Analysis analysis =
        analyze(
            "#cloud-config\n"
                + "write_files:\n  - path: /etc/a\n"
                + "write_files:\n  - path: /usr/b\n");

    Rejection r = analysis.parts().get(0).config().orElseThrow().rejections().get(0);
    assertThat(r.path()).isEqualTo(ConfigPath.of("write_files", 1, "path"));
    assertThat(r.display().toString()).isEqualTo("write_files[0].path");
    assertThat(r.position().toString()).isEqualTo("5:11");
  }

  @Test
  void analyze_yamlError_noConfigAndAProblem() {
    PartAnalysis part = analyze("#cloud-config\nhostname: [a\n").parts().get(0);

    assertThat(part.config()).isEmpty();
    assertThat(part.problem().orElseThrow())
        .startsWith("user-data is not valid YAML (line ")
        .endsWith("; only metadata is applied");
    assertThat(part.findings()).extracting(f -> f.code()).containsExactly(Code.YAML_SYNTAX);
  }

  @Test
  void analyze_scriptWithoutInterpreter_isRejectedWithTheFindingsMessage() {
    PartAnalysis part = analyze("#!\necho\n").parts().get(0);

    assertThat(part.script()).isEmpty();
    assertThat(part.rejection()).hasValue("the #! line names no interpreter");
    assertThat(part.partFindings())
        .extracting(f -> f.code())
        .containsExactly(Code.SCRIPT_INTERPRETER);
  }

  @Test
  void analyze_scriptWithMetadata_isTemplatedByteForByte() {
    Metadata metadata =
        new Metadata(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("10.0.0.5"),
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            Optional.empty());
    byte[] script = "#!/bin/sh\necho $private_ipv4 \u00e9\n".getBytes(UTF_8);

    PartAnalysis part = Analyzer.analyze(script, Optional.of(metadata)).parts().get(0);

    assertThat(part.script().orElseThrow().toUtf8()).isEqualTo("#!/bin/sh\necho 10.0.0.5 \u00e9\n");
  }

  @Test
  void analyze_multipart_nestedPartsFlattenedInOrder_includePartIsNoProblem() {
    Analysis analysis =
        analyze(
            "Content-Type: multipart/mixed; boundary=outer\n\n"
                + "--outer\nContent-Type: text/cloud-config\n\nhostname: a\n"
                + "--outer\nContent-Type: multipart/mixed; boundary=inner\n\n"
                + "--inner\nContent-Type: text/cloud-config\n\nhostname: b\n"
                + "--inner--\n"
                + "--outer\nContent-Type: text/x-include-url\n\nhttps://example.com/x\n"
                + "--outer--\n");

    assertThat(analysis.parts())
        .extracting(PartAnalysis::label, PartAnalysis::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("part 1", UserData.Kind.CLOUD_CONFIG),
            org.assertj.core.groups.Tuple.tuple("part 2", UserData.Kind.MULTIPART),
            org.assertj.core.groups.Tuple.tuple("part 2.1", UserData.Kind.CLOUD_CONFIG),
            org.assertj.core.groups.Tuple.tuple("part 3", UserData.Kind.INCLUDE));
    assertThat(analysis.parts()).allMatch(p -> p.problem().isEmpty());
    List<Code> shadowed = analysis.parts().get(2).findings().stream().map(f -> f.code()).toList();
    assertThat(shadowed).containsExactly(Code.SHADOWED_HOSTNAME);
    assertThat(analysis.parts().get(3).findings())
        .extracting(f -> f.code())
        .containsExactly(Code.EXTENSION_KEY);
  }

  @Test
  void analyze_emptyAndIgnition_haveNoParts() {
    assertThat(analyze("").parts()).isEmpty();
    Analysis ignition = analyze("{\"ignition\": {\"version\": \"3.4.0\"}}");
    assertThat(ignition.parts()).isEmpty();
    assertThat(ignition.isIgnition()).isTrue();
  }
}
