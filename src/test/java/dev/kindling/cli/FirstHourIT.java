package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new operator meets in the first hour: the usual mistakes get a clear message, the right
 * severity and exit status, at once.
 */
class FirstHourIT {
  @TempDir Path tmp;

  private Path file(String name, String text) throws IOException {
    return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void validate_stringInsteadOfList_errorInTheUsersWords_exit1() throws IOException {
    Path data = file("keys.yaml", "#cloud-config\nssh_authorized_keys: ssh-ed25519 AAAA\n");

    Cli.Run r = Cli.kindling("validate", data.toString());

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out())
        .contains(
            data
                + ":2:22: error: incorrect type for \"ssh_authorized_keys\" (want a list of"
                + " strings) [incorrect-type]",
            "hint: write a list: ssh_authorized_keys: [ssh-ed25519 AAAA]")
        .doesNotContain("[]string");
  }

  @Test
  void renderAndFetch_missingFromFile_exit2AtOnceNamingTheFile() {
    String missing = tmp.resolve("nope.yaml").toString();
    for (String command : new String[] {"render", "fetch"}) {
      Cli.Run r = Cli.kindling(command, "--from-file", missing, "--timeout", "30");

      assertThat(r.status()).as(command).isEqualTo(2);
      assertThat(r.err()).isEqualTo("kindling " + command + ": no such file: " + missing + "\n");
      assertThat(r.log()).doesNotContain("probe");
    }
  }

  @Test
  void run_missingFromFile_keepsWaitingAndSaysWhyOnce() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));
    String missing = tmp.resolve("nope.yaml").toString();

    Cli.Run r =
        Cli.kindling(
            "run",
            "--from-file",
            missing,
            "--root",
            root.toString(),
            "--systemd",
            "none",
            "--timeout",
            "3");

    assertThat(r.status()).isEqualTo(2);
    // Once in the probe's line, once in the final error.
    assertThat(r.all().split("no such file: " + missing, -1)).hasSize(2 + 1);
    assertThat(r.log()).contains("probe local-file #1: unavailable");
  }

  @Test
  void render_fromFileDash_readsStandardInput() {
    InputStream saved = System.in;
    System.setIn(
        new ByteArrayInputStream(
            "#cloud-config\nhostname: from-stdin\n".getBytes(StandardCharsets.UTF_8)));
    Cli.Run r;
    try {
      r = Cli.kindling("render", "--from-file", "-");
    } finally {
      System.setIn(saved);
    }

    assertThat(r.status()).isZero();
    assertThat(r.out()).startsWith("set hostname to from-stdin\n");
  }

  @Test
  void render_brokenMetadata_cleanMessageWithoutParserInternals() throws IOException {
    Path data = file("user-data", "#cloud-config\nhostname: a\n");
    Path bad = file("m.json", "{\"hostname\": \"x\",\n  oops}");

    Cli.Run r =
        Cli.kindling("render", "--from-file", data.toString(), "--metadata", bad.toString());

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("kindling render: failed to read metadata " + bad + ": ")
        .contains("at line 2, column")
        .doesNotContain("Source:")
        .doesNotContain("REDACTED")
        .doesNotContain("\tat ");
  }

  @Test
  void render_dryRun_saysWouldStart_neverAJobResult() throws IOException {
    Path data =
        file(
            "user-data",
            "#cloud-config\ncoreos:\n  units:\n    - name: a.service\n      command: start\n");
    Path root = Files.createDirectories(tmp.resolve("root"));

    Cli.Run r = Cli.kindling("render", "--from-file", data.toString(), "--root", root.toString());

    assertThat(r.status()).isZero();
    assertThat(r.log()).contains("Would start \"a.service\" (recorded, systemd not called)");
    assertThat(r.log()).doesNotContain("Result of");
    assertThat(r.out())
        .contains("unmask etcd.service at /run/systemd/system/etcd.service  # every run unmasks")
        .containsOnlyOnce("# every run unmasks");
  }

  @Test
  void render_userDataWithErrors_planPrinted_exit1_saysWhy() throws IOException {
    Path data =
        file(
            "user-data", "#cloud-config\nhostname: node1\nssh_authorized_keys: ssh-ed25519 AAAA\n");

    Cli.Run r = Cli.kindling("render", "--from-file", data.toString());

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).startsWith("set hostname to node1\n");
    assertThat(r.err())
        .isEqualTo(
            "kindling render: the user data has 1 error (logged above); the plan leaves out what"
                + " it names\n");
    assertThat(r.log())
        .containsOnlyOnce("incorrect type for \"ssh_authorized_keys\" (want a list of strings)");
  }

  @Test
  void renderJson_datasourceFindingsAndExitStatusBesideTheActions() throws Exception {
    Path data = file("user-data", "#cloud-config\nhostname: node1\nusers: alice\n");

    Cli.Run r = Cli.kindling("render", "--format", "json", "--from-file", data.toString());

    assertThat(r.status()).isEqualTo(1);
    com.fasterxml.jackson.databind.JsonNode json =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertThat(json.get("actions").get(0).get("type").asText()).isEqualTo("set-hostname");
    assertThat(json.get("datasource").asText()).isEqualTo("local-file");
    assertThat(json.get("exitStatus").asInt()).isEqualTo(1);
    com.fasterxml.jackson.databind.JsonNode finding = json.get("findings").get(0);
    assertThat(finding.get("severity").asText()).isEqualTo("error");
    assertThat(finding.get("code").asText()).isEqualTo("incorrect-type");
    assertThat(finding.get("line").asInt()).isEqualTo(3);
    assertThat(r.out()).contains("\n  {\"severity\": \"error\", \"line\": 3, ");
  }

  @Test
  void validate_directories_hiddenSkipped_excludeGlobs_emptyIsExit2() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.createDirectories(repo.resolve(".github/workflows"));
    Files.writeString(repo.resolve(".github/workflows/ci.yml"), "on: push\n");
    Files.createDirectories(repo.resolve("vendor"));
    Files.writeString(repo.resolve("vendor/x.yaml"), "#cloud-config\nbogus: 1\n");
    Files.writeString(repo.resolve("node.yaml"), "#cloud-config\nhostname: a\n");
    Files.writeString(repo.resolve("node.tmpl.yaml"), "#cloud-config\nbogus: 1\n");

    Cli.Run r =
        Cli.kindling("validate", "--exclude", "vendor", "--exclude=*.tmpl.yaml", repo.toString());
    assertThat(r.status()).isZero();
    assertThat(r.out()).isEqualTo("1 file checked: 0 errors, 0 warnings, 0 infos\n");

    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Cli.Run none = Cli.kindling("validate", empty.toString());
    assertThat(none.status()).isEqualTo(2);
    assertThat(none.err()).startsWith("kindling validate: nothing to validate in " + empty + ": ");

    Cli.Run json =
        Cli.kindling(
            "validate", "--format", "json", empty.toString(), tmp.resolve("gone.yaml").toString());
    assertThat(json.status()).isEqualTo(2);
    assertThat(json.out())
        .contains("\"unreadable\": [")
        .contains("\"file\": \"" + empty + "\"")
        .contains("\"reason\": \"no such file or directory\"");
  }

  @Test
  void validate_misspelledVariable_warnsWithDidYouMean() throws IOException {
    Path data =
        file(
            "v.yaml",
            "#cloud-config\ncoreos:\n  flannel:\n    public_ip: $privat_ipv4\n"
                + "write_files:\n  - path: /etc/x\n    content: |\n"
                + "      A=$private_ipv4 B=\\$privat_ipv4 C=$HOME D=$PUBLIC_IPV4\n");

    Cli.Run r = Cli.kindling("validate", data.toString());

    assertThat(r.status()).isZero();
    assertThat(r.out())
        .contains(
            data
                + ":4:16: warning: $privat_ipv4 is not a variable; it is left in the text as it"
                + " is [unknown-variable]",
            "hint: did you mean $private_ipv4?",
            ":8:49: warning: $PUBLIC_IPV4 is not a variable",
            "hint: did you mean $public_ipv4?")
        .contains("0 errors, 2 warnings");
  }

  @Test
  void run_sampleRoot_theReadmeTrialAppliesCleanly() throws IOException {
    // Samples that need no host tool (useradd): the README's trial run and its neighbours.
    for (String name :
        new String[] {
          "etcd2-cluster-node.yaml", "docker-redis.yaml", "write-files-encodings.yaml"
        }) {
      {
        Path sample = Path.of("samples/cloud-config", name);
        Path root = Files.createTempDirectory(tmp, "root");
        copy(Path.of("samples/root"), root);

        Cli.Run r =
            Cli.kindling(
                "run",
                "--from-file",
                sample.toString(),
                "--root",
                root.toString(),
                "--systemd",
                "none",
                "--report",
                tmp.resolve("report.json").toString());

        assertThat(r.status()).as(sample + "\n" + r.log()).isZero();
      }
    }
  }

  @Test
  void run_emptyRoot_missingUserSaysWhatToDo() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("empty-root"));
    Path data =
        file(
            "user-data",
            "#cloud-config\nssh_authorized_keys:\n  - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINgVQDXmSyv1iVN9K3gjUdp7xctsoV1o6DCzzX5XnLfd\n");

    Cli.Run r =
        Cli.kindling(
            "run", "--from-file", data.toString(), "--root", root.toString(), "--systemd", "none");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.log()).contains("create the user first", "copy samples/root into it");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (java.util.stream.Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @Test
  void run_unresolvedVariableTwiceOnALine_loggedOnce() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root2"));
    Path data =
        file(
            "user-data",
            "#cloud-config\nwrite_files:\n  - path: /etc/x\n"
                + "    content: \"$private_ipv4 $private_ipv4\"\n");

    Cli.Run r =
        Cli.kindling(
            "run", "--from-file", data.toString(), "--root", root.toString(), "--systemd", "none");

    assertThat(r.log()).containsOnlyOnce("line 4: $private_ipv4 has no value");
  }

  @Test
  void validate_missingFile_saysWhy_exit2_noEmptySummary() {
    String missing = tmp.resolve("nope.yaml").toString();

    Cli.Run r = Cli.kindling("validate", missing);

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "kindling validate: failed to read " + missing + ": no such file or directory\n");
    assertThat(r.out()).isEmpty();
  }
}
