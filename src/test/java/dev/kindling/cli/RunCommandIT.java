package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kindling.apply.SystemProcessRunner;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kindling run} in-process on temporary roots with {@code --systemd none}. */
class RunCommandIT {
  static final String HASH = "$6$rounds=4096$KindlingSalt$0123456789abcdefSECRETHASH";
  static final String CONTENT = "TOP-SECRET-FILE-CONTENT-42";

  @TempDir Path tmp;
  private Path calls;
  private String savedPath;

  /** useradd and chpasswd stubs that record their arguments; the real tools never run. */
  @BeforeEach
  void stubTools() throws IOException {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    calls = tmp.resolve("calls.log");
    for (String tool : List.of("useradd", "chpasswd")) {
      Path stub = bin.resolve(tool);
      Files.writeString(
          stub,
          "#!/bin/sh\necho \"$0 $*\" >> '" + calls + "'\nsed 's/^/stdin: /' >> '" + calls + "'\n");
      Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    savedPath = System.getProperty(SystemProcessRunner.PATH_PROPERTY);
    System.setProperty(SystemProcessRunner.PATH_PROPERTY, bin.toString());
  }

  @AfterEach
  void restoreTools() {
    if (savedPath == null) {
      System.clearProperty(SystemProcessRunner.PATH_PROPERTY);
    } else {
      System.setProperty(SystemProcessRunner.PATH_PROPERTY, savedPath);
    }
  }

  private Path root() throws IOException {
    return Files.createDirectories(tmp.resolve("root"));
  }

  private Path userData(String text) throws IOException {
    Path file = tmp.resolve("user-data");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private Cli.Run run(Path userData, String... extra) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--from-file",
                userData.toString(),
                "--root",
                root().toString(),
                "--systemd",
                "none",
                "--timeout",
                "2"));
    Collections.addAll(args, extra);
    return Cli.kindling(args.toArray(String[]::new));
  }

  private JsonNode report() throws IOException {
    return new ObjectMapper().readTree(root().resolve("run/kindling/report.json").toFile());
  }

  @Test
  void run_emptyUserData_exit0WithReportUnderTheRoot() throws IOException {
    Cli.Run r = run(userData(""));

    assertThat(r.status()).isZero();
    JsonNode report = report();
    assertThat(report.get("command").asText()).isEqualTo("run");
    assertThat(report.get("datasource").asText()).isEqualTo("local-file");
    assertThat(report.get("userData").get("type").asText()).isEqualTo("empty");
    assertThat(report.get("systemd").asText()).isEqualTo("none");
    assertThat(report.get("exitStatus").asInt()).isZero();
    assertThat(report.get("startTime").asText()).endsWith("Z");
    assertThat(report.has("durationMs")).isTrue();
  }

  @Test
  void run_ignition_exit0AndNothingApplied() throws IOException {
    Cli.Run r = run(userData("{\"ignition\": {\"version\": \"3.4.0\"}}"));

    assertThat(r.status()).isZero();
    assertThat(r.log()).contains("user data is an Ignition config; nothing to do");
    assertThat(report().get("userData").get("type").asText()).isEqualTo("ignition");
    assertThat(report().has("actions")).isFalse();
  }

  @Test
  void run_unknownUserData_exit1_ignoreFailureExit0() throws IOException {
    Path data = userData("just some text\n");

    Cli.Run strict = run(data);
    assertThat(strict.status()).isEqualTo(1);
    assertThat(report().get("userData").get("problems").get(0).asText())
        .isEqualTo("user-data is neither cloud-config nor a script; only metadata is applied");

    assertThat(run(data, "--ignore-failure").status()).isZero();
  }

  @Test
  void run_yamlError_exit1AndOnlyMetadataPlanned() throws IOException {
    Cli.Run r = run(userData("#cloud-config\nhostname: [unclosed\n"));

    assertThat(r.status()).isEqualTo(1);
    assertThat(report().get("userData").get("problems").get(0).asText())
        .startsWith("user-data is not valid YAML (line ");
    assertThat(report().get("validation").get("errors").asInt()).isPositive();
  }

  @Test
  void run_invalidUtf8_notAppliedAsValidateRejectsIt_exit1() throws IOException {
    Path data = tmp.resolve("user-data");
    byte[] text = "#cloud-config\nhostname: caf?\n".getBytes(StandardCharsets.US_ASCII);
    text[text.length - 2] = (byte) 0xe9; // Latin-1 "é": not UTF-8
    Files.write(data, text);

    Cli.Run r = run(data);

    assertThat(r.status()).isEqualTo(1);
    assertThat(root().resolve("etc/hostname")).doesNotExist();
    assertThat(report().get("userData").get("problems").get(0).asText())
        .isEqualTo(
            "user-data is not valid UTF-8 (line 2, column 14: invalid UTF-8 byte sequence); only"
                + " metadata is applied");
    JsonNode finding = report().get("validation").get("findings").get(0);
    assertThat(finding.get("code").asText()).isEqualTo("yaml-syntax");
    assertThat(finding.get("line").asInt()).isEqualTo(2);
  }

  @Test
  void run_duplicatedCoreosKey_appliesBothBlocks() throws IOException {
    Cli.Run r =
        run(
            userData(
                "#cloud-config\n"
                    + "coreos:\n"
                    + "  units:\n"
                    + "    - name: first.service\n"
                    + "      content: |\n"
                    + "        [Service]\n"
                    + "        ExecStart=/bin/true\n"
                    + "coreos:\n"
                    + "  units:\n"
                    + "    - name: second.service\n"
                    + "      content: |\n"
                    + "        [Service]\n"
                    + "        ExecStart=/bin/true\n"));

    assertThat(r.status()).isZero();
    assertThat(root().resolve("etc/systemd/system/first.service")).exists();
    assertThat(root().resolve("etc/systemd/system/second.service")).exists();
  }

  @Test
  void run_validationFindings_reportedWithCodesPathsAndPositions() throws IOException {
    Cli.Run r = run(userData("#cloud-config\nhostname: node1\nbogus_key: 1\n"));

    assertThat(r.status()).isZero();
    JsonNode finding = report().get("validation").get("findings").get(0);
    assertThat(finding.get("code").asText()).isEqualTo("unknown-key");
    assertThat(finding.get("path").asText()).isEqualTo("bogus_key");
    assertThat(finding.get("line").asInt()).isEqualTo(3);
    assertThat(finding.get("severity").asText()).isEqualTo("warning");
    assertThat(r.log())
        .contains("WARN user-data line 3:1: unrecognized key \"bogus_key\"")
        .doesNotContain(": warning: ");
  }

  @Test
  void run_unresolvedVariable_warnsWithNameAndLine() throws IOException {
    Cli.Run r =
        run(
            userData(
                "#cloud-config\nhostname: node1\nwrite_files:\n  - path: /etc/ip\n    content: $public_ipv6\n"));

    assertThat(r.log()).contains("user-data line 5: $public_ipv6 has no value");
    JsonNode unresolved = report().get("unresolvedVariables").get(0);
    assertThat(unresolved.get("variable").asText()).isEqualTo("public_ipv6");
    assertThat(unresolved.get("line").asInt()).isEqualTo(5);
  }

  @Test
  void run_missingSourceFile_exit2() throws IOException {
    Cli.Run r = run(tmp.resolve("does-not-exist"));

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("kindling run: no datasource available in time; tried local-file");
    assertThat(report().get("error").asText()).startsWith("no datasource available in time");
  }

  @Test
  void run_noSourceOption_exit2() throws IOException {
    Cli.Run r =
        Cli.kindling("run", "--root", root().toString(), "--systemd", "none", "--timeout", "1");

    assertThat(r.status()).isEqualTo(2);
  }

  @Test
  void run_dbusWithAnotherRoot_usageError() throws IOException {
    Cli.Run r =
        Cli.kindling("run", "--from-file", userData("").toString(), "--root", root().toString());

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--systemd dbus manages the running system");
  }

  @Test
  void run_rootIsNotADirectory_usageError() throws IOException {
    Cli.Run r =
        Cli.kindling(
            "run",
            "--from-file",
            userData("").toString(),
            "--root",
            tmp.resolve("nope").toString(),
            "--systemd",
            "none");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("is not a directory");
  }

  @Test
  void run_reportOption_writesTheReportThere() throws IOException {
    Path report = tmp.resolve("out/report.json");

    assertThat(run(userData(""), "--report", report.toString()).status()).isZero();

    assertThat(new ObjectMapper().readTree(report.toFile()).get("exitStatus").asInt()).isZero();
    assertThat(root().resolve("run/kindling/report.json")).doesNotExist();
  }

  @Test
  void run_anotherRunHoldsTheLock_exit1WithMessage() throws IOException {
    Path lock = Files.createDirectories(root().resolve("run/kindling")).resolve("lock");
    try (FileChannel ch =
            FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held = ch.lock()) {
      Cli.Run r = run(userData(""));

      assertThat(held.isValid()).isTrue();
      assertThat(r.status()).isEqualTo(1);
      assertThat(r.err()).contains("another run holds").contains("run/kindling/lock");
      assertThat(root().resolve("run/kindling/report.json")).doesNotExist();
    }
    assertThat(run(userData("")).status()).isZero();
  }

  @Test
  void run_badSystemdOrNetconfValue_usageError() throws IOException {
    Path data = userData("");
    assertThat(
            Cli.kindling(
                    "run",
                    "--from-file",
                    data.toString(),
                    "--root",
                    root().toString(),
                    "--systemd",
                    "upstart")
                .status())
        .isEqualTo(2);
    Cli.Run r =
        Cli.kindling(
            "run",
            "--from-file",
            data.toString(),
            "--root",
            root().toString(),
            "--systemd",
            "none",
            "--convert-netconf",
            "digitalocean");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--convert-netconf");
  }

  @Test
  void run_secretsInUserData_neverInReportOrLogs() throws IOException {
    Cli.Run r =
        run(
            userData(
                "#cloud-config\n"
                    + "users:\n"
                    + "  - name: deploy\n"
                    + "    passwd: \""
                    + HASH
                    + "\"\n"
                    + "write_files:\n"
                    + "  - path: /etc/secret.conf\n"
                    + "    permissions: \"0600\"\n"
                    + "    content: "
                    + CONTENT
                    + "\n"
                    + "  - path: /etc/bad\n"
                    + "    permissions: \"99999\"\n"
                    + "    content: "
                    + CONTENT
                    + "\n"));

    List<String> calls = Files.readAllLines(this.calls);
    assertThat(calls).as("chpasswd got the hash on stdin").contains("stdin: deploy:" + HASH);
    assertThat(calls.stream().filter(c -> !c.startsWith("stdin: ")))
        .as("no command line holds the hash")
        .isNotEmpty()
        .noneMatch(c -> c.contains("KindlingSalt"));
    assertThat(root().resolve("etc/secret.conf")).hasContent(CONTENT);
    String report = Files.readString(root().resolve("run/kindling/report.json"));
    assertThat(report).doesNotContain(HASH).doesNotContain(CONTENT).doesNotContain("KindlingSalt");
    assertThat(r.all()).doesNotContain(HASH).doesNotContain(CONTENT).doesNotContain("KindlingSalt");
  }
}
