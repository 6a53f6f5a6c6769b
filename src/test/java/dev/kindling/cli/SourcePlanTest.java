package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.datasource.DatasourceSelector;
import dev.kindling.datasource.http.MetadataClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Option resolution only: nothing here builds a datasource or touches the network. */
class SourcePlanTest {
  @TempDir Path tmp;

  private SourceEnvironment env(String vendor, String product, String cmdline) throws Exception {
    Path dmi = Files.createDirectories(tmp.resolve("dmi"));
    Files.writeString(dmi.resolve("sys_vendor"), vendor + "\n");
    Files.writeString(dmi.resolve("product_name"), product + "\n");
    Path proc = tmp.resolve("cmdline");
    Files.writeString(proc, cmdline);
    return new SourceEnvironment(
        dmi,
        proc,
        List.of(),
        () -> {
          throw new AssertionError("resolving options must not build a client");
        },
        DatasourceSelector.DEFAULT_SCHEDULE);
  }

  private List<String> resolve(SourceEnvironment env, String... args) throws Exception {
    SourceOptions o = CommandLine.populateCommand(new FetchCommand(), args).sources;
    return SourcePlan.resolve(o, env).stream()
        .map(s -> s.kind() + "=" + s.value() + " (" + s.origin() + ")")
        .toList();
  }

  @Test
  void resolve_oemPreset_setsTheOriginalsSources() throws Exception {
    assertThat(resolve(env("", "", ""), "--oem", "ec2-compat"))
        .containsExactly(
            "CONFIGDRIVE=/media/configdrive (oem ec2-compat)",
            "EC2=http://169.254.169.254/ (oem ec2-compat)");
    assertThat(resolve(env("", "", ""), "--oem", "packet"))
        .containsExactly("PACKET=https://metadata.packet.net/ (oem packet)");
  }

  @Test
  void resolve_explicitOptionsWinOverThePreset() throws Exception {
    assertThat(
            resolve(env("", "", ""), "--oem", "gce", "--from-gce-metadata", "http://127.0.0.1:9/"))
        .containsExactly("GCE=http://127.0.0.1:9/ (option)");
  }

  @Test
  void resolve_unknownOem_listsTheSupportedOnesSorted() {
    assertThatThrownBy(() -> resolve(env("", "", ""), "--oem", "bogus"))
        .isInstanceOf(SourceUsageException.class)
        .hasMessage(
            "invalid --oem \"bogus\"; supported: azure, cloudsigma, digitalocean, ec2-compat, gce,"
                + " packet, rackspace-onmetal, vmware");
  }

  @Test
  void resolve_sourcesInTheFixedTieBreakOrder() throws Exception {
    assertThat(
            resolve(
                env("", "", ""),
                "--from-proc-cmdline",
                "--from-ec2-metadata",
                "http://127.0.0.1:1/",
                "--from-url",
                "http://127.0.0.1:2/x"))
        .containsExactly(
            "URL=http://127.0.0.1:2/x (option)",
            "EC2=http://127.0.0.1:1/ (option)",
            "PROC_CMDLINE= (option)");
  }

  @Test
  void resolve_nothingGiven_isAUsageError() {
    assertThatThrownBy(() -> resolve(env("", "", "")))
        .isInstanceOf(SourceUsageException.class)
        .hasMessageStartingWith("no datasource given: provide at least one of --from-file");
  }

  @Test
  void resolve_badUrl_isAUsageError() {
    assertThatThrownBy(() -> resolve(env("", "", ""), "--from-ec2-metadata", "ftp://127.0.0.1/"))
        .isInstanceOf(SourceUsageException.class)
        .hasMessageContaining("--from-ec2-metadata")
        .hasMessageContaining("only http and https");
    assertThatThrownBy(() -> resolve(env("", "", ""), "--from-url", "not a url"))
        .isInstanceOf(SourceUsageException.class);
  }

  @Test
  void auto_followsDmiAndNeverAssumesAServiceOnAnUnknownPlatform() throws Exception {
    assertThat(resolve(env("Amazon EC2", "m5.large", ""), "--auto"))
        .containsExactly("EC2=http://169.254.169.254/ (auto)");
    assertThat(resolve(env("Google", "Google Compute Engine", ""), "--auto"))
        .containsExactly("GCE=http://metadata.google.internal/ (auto)");
    assertThat(resolve(env("OpenStack Foundation", "OpenStack Nova", ""), "--auto"))
        .containsExactly("OPENSTACK=http://169.254.169.254/ (auto)");
    assertThat(resolve(env("DigitalOcean", "Droplet", ""), "--auto"))
        .containsExactly("DIGITALOCEAN=http://169.254.169.254/ (auto)");
    assertThat(resolve(env("QEMU", "Standard PC (Q35 + ICH9, 2009)", ""), "--auto")).isEmpty();
  }

  @Test
  void auto_kernelArgument_addsProcCmdlineOnAnyPlatform() throws Exception {
    assertThat(
            resolve(env("QEMU", "Standard PC", "ro cloud-config-url=http://10.0.2.2/cc"), "--auto"))
        .containsExactly("PROC_CMDLINE= (auto)");
  }

  @Test
  void auto_explicitSourcesStayAndWin() throws Exception {
    assertThat(
            resolve(
                env("Amazon EC2", "", ""), "--auto", "--from-ec2-metadata", "http://127.0.0.1:3/"))
        .containsExactly("EC2=http://127.0.0.1:3/ (option)");
  }

  @Test
  void environment_systemClientIsAMetadataClient() {
    try (MetadataClient c = SourceEnvironment.system().clients().get()) {
      assertThat(c).isNotNull();
    }
  }
}
