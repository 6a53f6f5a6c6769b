package dev.kindling.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kindling validate} run in-process through {@link Main#run}. */
class ValidateCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String CLEAN = "#cloud-config\nhostname: node1\n";
  private static final String WARNING = "#cloud-config\nhostname: node1\nbogus_key: 1\n";
  private static final String ERROR = "hostname: node1\n";

  @TempDir Path dir;

  /** The outcome of one run. */
  record Result(int status, String out, String err) {
    JsonNode json() throws IOException {
      return MAPPER.readTree(out);
    }
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(status, out.toString(), err.toString());
  }

  static Result runWithStdin(String stdin, String... args) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(UTF_8)));
    try {
      return run(args);
    } finally {
      System.setIn(saved);
    }
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }

  @Test
  void validate_cleanFile_exitsZeroWithSummary() throws IOException {
    Path file = write("clean.yaml", CLEAN);
    Result r = run("validate", file.toString());

    assertThat(r.status()).isZero();
    assertThat(r.out()).isEqualTo("1 file checked: 0 errors, 0 warnings, 0 infos\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void validate_warningOnly_exitsZeroButOneWithStrict() throws IOException {
    Path file = write("warn.yaml", WARNING);

    Result plain = run("validate", file.toString());
    assertThat(plain.status()).isZero();
    assertThat(plain.out())
        .contains(file + ":3:1: warning: unrecognized key \"bogus_key\" [unknown-key]")
        .contains("  bogus_key: 1\n  ^\n");

    assertThat(run("validate", "--strict", file.toString()).status()).isEqualTo(1);
  }

  @Test
  void validate_notCloudConfig_exitsOneWithOriginalMessage() throws IOException {
    Path file = write("bad.yaml", ERROR);
    Result r = run("validate", file.toString());

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out())
        .startsWith(
            file
                + ":1:1: error: must be \"#cloud-config\" or begin with \"#!\""
                + " [not-cloud-config]\n  hostname: node1\n  ^\n  hint: ")
        .endsWith("1 file checked: 1 error, 0 warnings, 0 infos\n");
  }

  @Test
  void validate_formatJson_printsTheContractDocument() throws IOException {
    Path warn = write("a/warn.yaml", WARNING);
    Path bad = write("a/bad.yaml", ERROR);
    Result r = run("validate", "--format", "json", warn.toString(), bad.toString());

    assertThat(r.status()).isEqualTo(1);
    JsonNode json = r.json();
    assertThat(json.at("/files/0/file").asText()).isEqualTo(warn.toString());
    assertThat(json.at("/files/0/type").asText()).isEqualTo("cloud-config");
    JsonNode entry = json.at("/files/0/entries/0");
    assertThat(entry.get("severity").asText()).isEqualTo("warning");
    assertThat(entry.get("line").asInt()).isEqualTo(3);
    assertThat(entry.get("column").asInt()).isEqualTo(1);
    assertThat(entry.get("path").asText()).isEqualTo("bogus_key");
    assertThat(entry.get("code").asText()).isEqualTo("unknown-key");
    assertThat(entry.get("message").asText()).isEqualTo("unrecognized key \"bogus_key\"");
    assertThat(json.at("/files/1/type").asText()).isEqualTo("unknown");
    assertThat(json.at("/files/1/entries/0/code").asText()).isEqualTo("not-cloud-config");
    assertThat(json.get("summary"))
        .isEqualTo(MAPPER.readTree("{\"files\":2,\"errors\":1,\"warnings\":1,\"infos\":0}"));
  }

  @Test
  void validate_formatSarif_printsOneRunWithRules() throws IOException {
    Path warn = write("warn.yaml", WARNING);
    Result r = run("validate", "--format=SARIF", warn.toString());

    assertThat(r.status()).isZero();
    JsonNode log = r.json();
    assertThat(log.get("version").asText()).isEqualTo("2.1.0");
    assertThat(log.at("/runs/0/tool/driver/name").asText()).isEqualTo("kindling");
    assertThat(log.at("/runs/0/tool/driver/rules/0/id").asText()).isEqualTo("unknown-key");
    assertThat(log.at("/runs/0/results/0/level").asText()).isEqualTo("warning");
    assertThat(log.at("/runs/0/results/0/locations/0/physicalLocation/region/startLine").asInt())
        .isEqualTo(3);
  }

  @Test
  void validate_unknownFormat_isUsageError() {
    Result r = run("validate", "--format", "xml", "x.yaml");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("unknown format 'xml'");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void validate_noPath_isUsageError() {
    Result r = run("validate");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("PATH");
  }

  @Test
  void validate_stdin_isNamedDash() throws IOException {
    Result clean = runWithStdin(CLEAN, "validate", "-");
    assertThat(clean.status()).isZero();

    Result bad = runWithStdin(ERROR, "validate", "--format", "json", "-");
    assertThat(bad.status()).isEqualTo(1);
    assertThat(bad.json().at("/files/0/file").asText()).isEqualTo("-");
    assertThat(bad.json().at("/files/0/entries/0/code").asText()).isEqualTo("not-cloud-config");
  }

  @Test
  void validate_directory_picksUserDataFilesInSortedOrder() throws IOException {
    write("b.yml", CLEAN);
    write("a.yaml", CLEAN);
    write("sub/user-data", CLEAN);
    write("sub/deeper/user_data", CLEAN);
    write("notes.txt", ERROR);
    write("UPPER.YAML", ERROR);
    write("user-data.bak", ERROR);
    Result r = run("validate", "--format", "json", dir.toString());

    assertThat(r.status()).isZero();
    List<String> files = new ArrayList<>();
    r.json().get("files").forEach(f -> files.add(f.get("file").asText()));
    assertThat(files)
        .containsExactly(
            dir.resolve("a.yaml").toString(),
            dir.resolve("b.yml").toString(),
            dir.resolve("sub/deeper/user_data").toString(),
            dir.resolve("sub/user-data").toString());
  }

  @Test
  void validate_emptyDirectory_saysSoAndExitsTwo() throws IOException {
    Files.createDirectories(dir.resolve("empty"));
    Result r = run("validate", dir.resolve("empty").toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("no user-data files");
  }

  @Test
  void validate_unreadablePath_reportsItValidatesTheRestAndExitsTwo() throws IOException {
    Path bad = write("bad.yaml", ERROR);
    Path missing = dir.resolve("missing.yaml");
    Result r = runWithStdin(CLEAN, "validate", missing.toString(), bad.toString(), "-");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "kindling validate: failed to read " + missing + ": no such file or directory\n");
    assertThat(r.out()).contains(bad + ":1:1: error:").contains("2 files checked: 1 error");
  }

  @Test
  void validate_metadataFile_isRead() throws IOException {
    Path metadata =
        write(
            "meta.json",
            "{\"hostname\": \"node1\", \"privateIPv4\": \"10.0.0.5\", \"sshPublicKeys\": {}}");
    Path file = write("c.yaml", CLEAN);
    Result r = run("validate", "--metadata", metadata.toString(), file.toString());
    assertThat(r.status()).isZero();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void validate_badMetadataFile_isUsageErrorWithReason() throws IOException {
    Path file = write("c.yaml", CLEAN);
    Path notJson = write("meta.json", "{\"hostname\": ");
    Result r = run("validate", "--metadata", notJson.toString(), file.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("kindling validate: failed to read metadata " + notJson + ": ");
    assertThat(r.out()).isEmpty();

    Path wrongType = write("meta2.json", "{\"hostname\": 7}");
    Result typed = run("validate", "--metadata", wrongType.toString(), file.toString());
    assertThat(typed.status()).isEqualTo(2);
    assertThat(typed.err()).contains("hostname must be a string or null");

    Result missing = run("validate", "--metadata", dir.resolve("nope").toString(), file.toString());
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).contains("no such file or directory");
  }

  @Test
  void validate_multipartFile_namesThePart() throws IOException {
    byte[] fixture;
    try (InputStream in =
        getClass().getResourceAsStream("/userdata/multipart/kola-multipart-mime.txt")) {
      fixture = in.readAllBytes();
    }
    Path file = dir.resolve("user-data");
    Files.write(file, fixture);
    Result r = run("validate", file.toString());

    assertThat(r.status()).isZero();
    assertThat(r.out())
        .contains(file + "[part 6 (notes.txt)]:78:15: warning: text/plain part is neither")
        .contains(file + "[part 8 (plain-cloud-config.txt)]:107:1: warning: hostname \"second\"");
    assertThat(run("validate", "--strict", file.toString()).status()).isEqualTo(1);
  }

  @Test
  void validate_help_listsTheOptions() {
    Result r = run("validate", "--help");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("--format").contains("--strict").contains("--metadata");
  }
}
