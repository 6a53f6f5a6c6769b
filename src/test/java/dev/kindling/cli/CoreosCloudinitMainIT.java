package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coreos-cloudinit launcher: messages, exit codes, and its mapping onto run and validate. */
class CoreosCloudinitMainIT {
  @TempDir Path tmp;

  @Test
  void noSource_provideAtLeastOneOf_exit2() {
    Cli.Run r = Cli.coreosCloudinit();

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out())
        .isEqualTo(
            "Provide at least one of --from-file, --from-configdrive, --from-ec2-metadata,"
                + " --from-gce-metadata, --from-cloudsigma-metadata, --from-packet-metadata,"
                + " --from-digitalocean-metadata, --from-vmware-guestinfo, --from-waagent,"
                + " --from-url or --from-proc-cmdline\n");
  }

  @Test
  void badOem_sortedList_exit2() {
    Cli.Run r = Cli.coreosCloudinit("-oem", "bogus", "-from-file", "x");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out())
        .isEqualTo(
            "Invalid option to -oem: \"bogus\". Supported options: [\"azure\" \"cloudsigma\""
                + " \"digitalocean\" \"ec2-compat\" \"gce\" \"packet\" \"rackspace-onmetal\""
                + " \"vmware\"]\n");
  }

  @Test
  void badConvertNetconf_exit2() {
    Cli.Run r = Cli.coreosCloudinit("-convert-netconf=foo", "-from-file", "x");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out())
        .isEqualTo(
            "Invalid option to -convert-netconf: 'foo'. Supported options: 'debian, packet,"
                + " vmware'\n");
  }

  @Test
  void version_checkedAfterOem_exit0() {
    assertThat(Cli.coreosCloudinit("-version").out()).startsWith("coreos-cloudinit kindling-");
    assertThat(Cli.coreosCloudinit("-version", "-oem", "bogus").status()).isEqualTo(2);
  }

  @Test
  void unknownFlag_messageAndUsageOnStderr_exit2() {
    Cli.Run r = Cli.coreosCloudinit("-from-nowhere");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("flag provided but not defined: -from-nowhere\nUsage of coreos-cloudinit:\n");
  }

  @Test
  void help_usageOnStderr_exit0() {
    Cli.Run r = Cli.coreosCloudinit("-help");

    assertThat(r.status()).isZero();
    assertThat(r.err()).startsWith("Usage of coreos-cloudinit:\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void validate_findings_logLinesAndExit1_cleanExit0() throws IOException {
    Path warn = Files.writeString(tmp.resolve("warn.yaml"), "#cloud-config\nbogus_key: 1\n");
    Path clean = Files.writeString(tmp.resolve("clean.yaml"), "#cloud-config\nhostname: a\n");

    Cli.Run r = Cli.coreosCloudinit("-validate", "-from-file", warn.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err())
        .matches(
            "(?s)\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d line 2: warning: unrecognized key"
                + " \"bogus_key\"\n");

    assertThat(Cli.coreosCloudinit("--validate", "--from-file=" + clean).status()).isZero();
  }

  @Test
  void validate_incorrectType_originalWarningAndGoTypeName() throws IOException {
    Path data =
        Files.writeString(
            tmp.resolve("keys.yaml"),
            "#cloud-config\nssh_authorized_keys: ssh-ed25519 AAAA\nusers: [alice]\n");

    Cli.Run r = Cli.coreosCloudinit("-validate", "-from-file", data.toString());

    assertThat(r.err())
        .contains(
            "line 2: warning: incorrect type for \"ssh_authorized_keys\" (want []string)",
            "line 3: warning: incorrect type for \"users[0]\" (want struct)");
    assertThat(Cli.kindling("validate", data.toString()).out())
        .contains(
            "error: incorrect type for \"ssh_authorized_keys\" (want a list of strings)",
            "error: incorrect type for \"users[0]\" (want a mapping with name, passwd,"
                + " ssh_authorized_keys...)");
  }

  @Test
  void run_mapsOntoKindlingRun_reportAndIgnoreFailure() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Path data = Files.writeString(tmp.resolve("user-data"), "not cloud-config\n");
    Path report = tmp.resolve("report.json");

    Cli.Run failed =
        Cli.coreosCloudinit(
            "-from-file",
            data.toString(),
            "-root",
            root.toString(),
            "-systemd",
            "none",
            "-report",
            report.toString());
    assertThat(failed.status()).isEqualTo(1);
    assertThat(new ObjectMapper().readTree(report.toFile()).get("command").asText())
        .isEqualTo("run");

    assertThat(
            Cli.coreosCloudinit(
                    "-from-file",
                    data.toString(),
                    "-root",
                    root.toString(),
                    "-systemd",
                    "none",
                    "-ignore-failure")
                .status())
        .isZero();
  }

  @Test
  void run_noDatasourceInTime_exit1AsTheOriginal() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));

    Cli.Run r =
        Cli.coreosCloudinit(
            "-from-file",
            tmp.resolve("missing").toString(),
            "-root",
            root.toString(),
            "-systemd",
            "none",
            "-timeout",
            "2");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.all().split("No datasources available in time", -1)).hasSize(2);
    assertThat(r.err())
        .contains("coreos-cloudinit: No datasources available in time; tried local-file");
  }
}
