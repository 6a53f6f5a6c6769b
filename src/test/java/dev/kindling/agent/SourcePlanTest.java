package dev.kindling.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kindling.cli.FetchCommand;
import dev.kindling.cli.SourceOptions;
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

  private AgentEnvironment env(String vendor, String product, String cmdline) throws Exception {
    AgentEnvironment env =
        TestEnvironments.machine(
            tmp,
            vendor,
            cmdline,
            List.of(),
            (command, deadline) -> {
              throw new AssertionError("resolving options must not run a program");
            },
            () -> {
              throw new AssertionError("resolving options must not build a client");
            });
    Files.writeString(env.dmiRoot().resolve("product_name"), product + "\n");
    return env;
  }

  private List<String> resolve(AgentEnvironment env, String... args) throws Exception {
    CommandLine cl = new CommandLine(new FetchCommand());
    cl.parseArgs(args);
    SourcePlan.Resolved resolved =
        SourcePlan.resolve(SourceOptions.selection(cl.getCommandSpec()), env);
    return resolved.specs().stream()
        .map(s -> s.type().name() + "=" + s.value() + " (" + s.origin() + ")")
        .toList();
  }

  @Test
  void resolve_oemPreset_setsTheOriginalsSources() throws Exception {
    assertThat(resolve(env("", "", ""), "--oem", "ec2-compat"))
        .containsExactly(
            "configdrive=/media/configdrive (oem ec2-compat)",
            "ec2-metadata=http://169.254.169.254/ (oem ec2-compat)");
    assertThat(resolve(env("", "", ""), "--oem", "packet"))
        .containsExactly("packet-metadata=https://metadata.packet.net/ (oem packet)");
  }

  @Test
  void resolve_explicitOptionsWinOverThePreset() throws Exception {
    assertThat(
            resolve(env("", "", ""), "--oem", "gce", "--from-gce-metadata", "http://127.0.0.1:9/"))
        .containsExactly("gce-metadata=http://127.0.0.1:9/ (option)");
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
            "url=http://127.0.0.1:2/x (option)",
            "ec2-metadata=http://127.0.0.1:1/ (option)",
            "proc-cmdline= (option)");
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
        .containsExactly("ec2-metadata=http://169.254.169.254/ (auto)");
    assertThat(resolve(env("Google", "Google Compute Engine", ""), "--auto"))
        .containsExactly("gce-metadata=http://metadata.google.internal/ (auto)");
    assertThat(resolve(env("OpenStack Foundation", "OpenStack Nova", ""), "--auto"))
        .containsExactly("openstack-metadata=http://169.254.169.254/ (auto)");
    assertThat(resolve(env("DigitalOcean", "Droplet", ""), "--auto"))
        .containsExactly("digitalocean-metadata=http://169.254.169.254/ (auto)");
    assertThat(resolve(env("QEMU", "Standard PC (Q35 + ICH9, 2009)", ""), "--auto")).isEmpty();
  }

  @Test
  void auto_kernelArgument_addsProcCmdlineOnAnyPlatform() throws Exception {
    assertThat(
            resolve(env("QEMU", "Standard PC", "ro cloud-config-url=http://10.0.2.2/cc"), "--auto"))
        .containsExactly("proc-cmdline= (auto)");
  }

  @Test
  void auto_explicitSourcesStayAndWin() throws Exception {
    assertThat(
            resolve(
                env("Amazon EC2", "", ""), "--auto", "--from-ec2-metadata", "http://127.0.0.1:3/"))
        .containsExactly("ec2-metadata=http://127.0.0.1:3/ (option)");
  }

  @Test
  void environment_systemClientIsAMetadataClient() {
    try (MetadataClient c = AgentEnvironment.system().httpClients().get()) {
      assertThat(c).isNotNull();
    }
  }

  @Test
  void resolve_explicitOptionWinsWhileThePresetAddsTheRest() throws Exception {
    assertThat(
            resolve(
                env("", "", ""),
                "--oem",
                "ec2-compat",
                "--from-ec2-metadata",
                "http://127.0.0.1:8080/"))
        .containsExactly(
            "configdrive=/media/configdrive (oem ec2-compat)",
            "ec2-metadata=http://127.0.0.1:8080/ (option)");
  }

  @Test
  void resolve_oemPreset_bringsItsNetworkConversion() throws Exception {
    CommandLine cl = new CommandLine(new FetchCommand());
    cl.parseArgs("--oem", "vmware");
    SourcePlan.Resolved vmware =
        SourcePlan.resolve(SourceOptions.selection(cl.getCommandSpec()), env("", "", ""));
    assertThat(vmware.convertNetconf()).isEqualTo("vmware");
    assertThat(vmware.specs()).extracting(s -> s.type().name()).containsExactly("vmware-guestinfo");
    cl.parseArgs("--oem", "rackspace-onmetal");
    assertThat(
            SourcePlan.resolve(SourceOptions.selection(cl.getCommandSpec()), env("", "", ""))
                .convertNetconf())
        .isEqualTo("debian");
    cl.parseArgs("--oem", "ec2-compat");
    assertThat(
            SourcePlan.resolve(SourceOptions.selection(cl.getCommandSpec()), env("", "", ""))
                .convertNetconf())
        .isEmpty();
  }
}
