package dev.kindling.validate;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.config.Code;
import dev.kindling.config.CodeDocs;
import dev.kindling.config.Finding;
import dev.kindling.config.Severity;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.config.yaml.Position;
import dev.kindling.userdata.UserData;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The text, JSON and SARIF printers on a fixed set of reports, against golden files in {@code
 * src/test/resources/report/}. JSON is compared as parsed trees, text byte for byte.
 */
class ReportPrinterGoldenTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Five inputs: cloud-config with findings, multipart, stdin garbage, a script, Ignition. */
  static List<FileReport> reports() {
    return List.of(
        new FileReport(
            "samples/cloud-config/etcd.yaml",
            UserData.Kind.CLOUD_CONFIG,
            List.of(
                entry(
                    Finding.warning(
                            Code.UNKNOWN_KEY,
                            ConfigPath.of("coreos", "etcd2", "bogus_key"),
                            "unrecognized key \"bogus_key\"")
                        .withHint("did you mean \"proxy\"?")
                        .at(new Position(7, 5)),
                    null,
                    "    bogus_key: 1"),
                entry(
                    Finding.error(
                            Code.INVALID_VALUE,
                            ConfigPath.of("coreos", "update", "reboot_strategy"),
                            "invalid value often")
                        .at(new Position(12, 22)),
                    null,
                    "    reboot_strategy: often"))),
        new FileReport(
            "user data/multi part.txt",
            UserData.Kind.MULTIPART,
            List.of(
                entry(
                    Finding.info(
                            Code.DASH_KEY,
                            ConfigPath.of("ssh_authorized_keys"),
                            "\"ssh-authorized-keys\" is read as \"ssh_authorized_keys\"")
                        .at(new Position(9, 1)),
                    "part 1 (a.yaml)",
                    "ssh-authorized-keys:"),
                entry(
                    Finding.warning(
                            Code.INCORRECT_TYPE,
                            ConfigPath.of("users", 0, "groups"),
                            "incorrect type for \"groups\" (want []string)")
                        .at(new Position(4, 13)),
                    "part 2 (b.yaml.gz), decoded",
                    "    groups: sudo"),
                entry(
                    Finding.warning(
                            Code.UNSUPPORTED_PART,
                            ConfigPath.root(),
                            "text/jinja2 part is ignored: Kindling does not render Jinja"
                                + " templates")
                        .withHint("use $private_ipv4-style variables")
                        .at(new Position(30, 15)),
                    "part 3",
                    "Content-Type: text/jinja2"))),
        new FileReport(
            "-",
            UserData.Kind.UNKNOWN,
            List.of(
                entry(
                    Finding.error(
                            Code.NOT_CLOUD_CONFIG,
                            ConfigPath.root(),
                            "must be \"#cloud-config\" or begin with \"#!\"")
                        .withHint("the first line must be exactly \"#cloud-config\"")
                        .at(Position.START),
                    null,
                    "#Cloud-Config"))),
        new FileReport("scripts/boot.sh", UserData.Kind.SCRIPT, List.of()),
        new FileReport("/srv/ignition/user-data", UserData.Kind.IGNITION, List.of()));
  }

  private static Entry entry(Finding finding, String part, String source) {
    return new Entry(finding, Optional.ofNullable(part), Optional.ofNullable(source));
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = ReportPrinterGoldenTest.class.getResourceAsStream("/report/" + name)) {
      assertThat(in).as("golden file %s", name).isNotNull();
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  @Test
  void jsonPrinter_fixedReports_matchesGolden() throws IOException {
    StringWriter out = new StringWriter();
    new JsonReportPrinter(out).print(reports());

    assertThat(MAPPER.readTree(out.toString())).isEqualTo(MAPPER.readTree(golden("golden.json")));
    assertThat(out.toString()).endsWith("}\n");
  }

  @Test
  void sarifPrinter_fixedReports_matchesGolden() throws IOException {
    StringWriter out = new StringWriter();
    new SarifReportPrinter(out, "1.2.3").print(reports());
    JsonNode log = MAPPER.readTree(out.toString());
    // the long texts come from CodeDocs (sarifPrinter_rulesCarryTheCodeDocumentation)
    for (JsonNode rule : log.at("/runs/0/tool/driver/rules")) {
      ((ObjectNode) rule).remove(List.of("fullDescription", "help"));
    }

    assertThat(log).isEqualTo(MAPPER.readTree(golden("golden.sarif.json")));
  }

  @Test
  void sarifPrinter_rulesCarryTheCodeDocumentation() throws IOException {
    StringWriter out = new StringWriter();
    new SarifReportPrinter(out, "1.2.3").print(reports());
    JsonNode rules = MAPPER.readTree(out.toString()).at("/runs/0/tool/driver/rules");
    assertThat(rules).isNotEmpty();
    for (JsonNode rule : rules) {
      CodeDocs.Doc doc =
          CodeDocs.of(
              Arrays.stream(Code.values())
                  .filter(c -> c.id().equals(rule.get("id").asText()))
                  .findFirst()
                  .orElseThrow());
      assertThat(rule.at("/fullDescription/text").asText()).isEqualTo(doc.meaning());
      assertThat(rule.get("helpUri").asText())
          .isEqualTo(CodeDocs.HOME + "/blob/main/docs/codes.md#" + doc.code().id());
      assertThat(rule.at("/help/text").asText()).endsWith("Fix: " + doc.fix());
      assertThat(rule.at("/help/markdown").asText())
          .contains("**Fix:** " + doc.fix())
          .endsWith("(" + rule.get("helpUri").asText() + ")");
    }
  }

  @Test
  void sarifPrinter_fixedReports_isConsistentSarif() throws IOException {
    StringWriter out = new StringWriter();
    new SarifReportPrinter(out, "1.2.3").print(reports());
    JsonNode log = MAPPER.readTree(out.toString());

    assertThat(log.get("version").asText()).isEqualTo("2.1.0");
    assertThat(log.get("runs")).hasSize(1);
    JsonNode rules = log.at("/runs/0/tool/driver/rules");
    Set<String> ids = new HashSet<>();
    rules.forEach(r -> assertThat(ids.add(r.get("id").asText())).isTrue());
    JsonNode results = log.at("/runs/0/results");
    assertThat(results).hasSize(6);
    for (JsonNode result : results) {
      int index = result.get("ruleIndex").asInt();
      assertThat(rules.get(index).get("id").asText()).isEqualTo(result.get("ruleId").asText());
      assertThat(result.get("level").asText()).isIn("error", "warning", "note");
      assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isPositive();
    }
    assertThat(ids)
        .containsExactlyInAnyOrder(
            "not-cloud-config",
            "incorrect-type",
            "unknown-key",
            "dash-key",
            "invalid-value",
            "unsupported-part");
  }

  @Test
  void textPrinter_fixedReports_matchesGolden() throws IOException {
    StringWriter out = new StringWriter();
    new TextReportPrinter(new PrintWriter(out)).print(reports());

    assertThat(out.toString()).isEqualTo(golden("golden.txt"));
  }

  @Test
  void summary_countsEverySeverity() {
    Summary summary = Summary.of(reports());
    assertThat(summary).isEqualTo(new Summary(5, 2, 3, 1));
    assertThat(reports().get(0).count(Severity.ERROR)).isEqualTo(1);
  }

  @Test
  void sarifUri_encodesWhatAUriCannotHold() {
    assertThat(SarifReportPrinter.uri("samples/a.yaml")).isEqualTo("samples/a.yaml");
    assertThat(SarifReportPrinter.uri("user data/é.yaml")).isEqualTo("user%20data/%C3%A9.yaml");
    assertThat(SarifReportPrinter.uri("/srv/user-data")).isEqualTo("file:///srv/user-data");
    assertThat(SarifReportPrinter.uri("c:x/y")).isEqualTo("./c:x/y");
    assertThat(SarifReportPrinter.uri("50%.yaml")).isEqualTo("50%25.yaml");
  }
}
