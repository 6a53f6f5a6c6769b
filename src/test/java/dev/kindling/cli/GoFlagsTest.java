package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.agent.SourceSelection;
import dev.kindling.datasource.ec2.Ec2MetadataDatasource;
import dev.kindling.datasource.vmware.VmwareGuestinfoDatasource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Go flag package rules and messages, on the launcher's flag set. */
class GoFlagsTest {
  private static GoFlags parsed(String... args) {
    GoFlags flags = CoreosCloudinitMain.flags();
    assertThat(flags.parse(args)).isInstanceOf(GoFlags.Parsed.class);
    return flags;
  }

  private static String failure(String... args) {
    GoFlags.Result r = CoreosCloudinitMain.flags().parse(args);
    assertThat(r).isInstanceOf(GoFlags.Failed.class);
    return ((GoFlags.Failed) r).message();
  }

  @Test
  void parse_allSpellings_sameValues() {
    assertThat(parsed("-from-file", "a").get("from-file")).isEqualTo("a");
    assertThat(parsed("--from-file", "a").get("from-file")).isEqualTo("a");
    assertThat(parsed("-from-file=a").get("from-file")).isEqualTo("a");
    assertThat(parsed("--from-file=a=b").get("from-file")).isEqualTo("a=b");
    assertThat(parsed("-validate").isTrue("validate")).isTrue();
    assertThat(parsed("-validate=false").isTrue("validate")).isFalse();
    assertThat(parsed("--validate=T").isTrue("validate")).isTrue();
    assertThat(parsed("-validate=0").isTrue("validate")).isFalse();
  }

  @Test
  void parse_booleanDoesNotTakeTheNextArgument() {
    GoFlags flags = parsed("-validate", "false", "-from-file", "x");

    assertThat(flags.isTrue("validate")).isTrue();
    assertThat(flags.get("from-file")).isEmpty();
  }

  @Test
  void parse_stopsAtFirstNonFlagAndAtDoubleDash() {
    assertThat(parsed("-from-file", "a", "extra", "-validate").isTrue("validate")).isFalse();
    assertThat(parsed("--", "-validate").isTrue("validate")).isFalse();
  }

  @Test
  void parse_defaults() {
    GoFlags flags = parsed();

    assertThat(flags.get("workspace")).isEqualTo("/var/lib/coreos-cloudinit");
    assertThat(flags.get("ssh-key-name")).isEqualTo("coreos-cloudinit");
    assertThat(flags.isTrue("validate")).isFalse();
  }

  @Test
  void parse_errors_goMessages() {
    assertThat(failure("-bogus")).isEqualTo("flag provided but not defined: -bogus");
    assertThat(failure("-from-file")).isEqualTo("flag needs an argument: -from-file");
    assertThat(failure("-validate=maybe"))
        .isEqualTo("invalid boolean value \"maybe\" for -validate: parse error");
    assertThat(failure("---x")).isEqualTo("bad flag syntax: ---x");
    assertThat(failure("-=x")).isEqualTo("bad flag syntax: -=x");
  }

  @Test
  void parse_help_isHelp() {
    assertThat(CoreosCloudinitMain.flags().parse(new String[] {"-h"}))
        .isInstanceOf(GoFlags.Help.class);
    assertThat(CoreosCloudinitMain.flags().parse(new String[] {"--help"}))
        .isInstanceOf(GoFlags.Help.class);
  }

  @Test
  void usage_goFormat() {
    String usage = CoreosCloudinitMain.flags().usage();

    assertThat(usage).startsWith("Usage of coreos-cloudinit:\n  -convert-netconf string\n    \t");
    assertThat(usage)
        .contains(
            "  -from-cloudsigma-metadata\n    \tDownload data from CloudSigma server context\n")
        .contains(
            "  -workspace string\n    \tBase directory coreos-cloudinit should use to store data"
                + " (default \"/var/lib/coreos-cloudinit\")\n");
  }

  @Test
  void sources_oemPresetDoesNotOverrideAnExplicitFlag() {
    GoFlags flags = parsed("-oem", "ec2-compat", "-from-ec2-metadata", "http://127.0.0.1:8080/");

    SourceSelection s = CoreosCloudinitMain.sources(flags);

    assertThat(s.explicit())
        .containsExactly(Map.entry(Ec2MetadataDatasource.TYPE, "http://127.0.0.1:8080/"));
    assertThat(s.oem()).contains("ec2-compat");
  }

  @Test
  void sources_deprecatedMetadataServiceFlag_isEc2AtTheDefaultAddress() {
    assertThat(CoreosCloudinitMain.sources(parsed("-from-metadata-service")).explicit())
        .containsEntry(Ec2MetadataDatasource.TYPE, "http://169.254.169.254/");
    assertThat(CoreosCloudinitMain.sources(parsed()).isEmpty()).isTrue();
  }

  @Test
  void sources_everyLauncherFlagOfTheRegistry_isDefinedAndRead() {
    GoFlags flags = parsed("-from-vmware-ovf-env", "/media/ovfenv/ovf-env.xml");
    assertThat(CoreosCloudinitMain.sources(flags).explicit())
        .containsExactly(Map.entry(VmwareGuestinfoDatasource.OVF_ENV, "/media/ovfenv/ovf-env.xml"));
    assertThat(CoreosCloudinitMain.flags().usage())
        .contains("  -from-vmware-ovf-env string\n    \tRead data from OVF Environment\n")
        .doesNotContain("-from-openstack-metadata");
  }
}
