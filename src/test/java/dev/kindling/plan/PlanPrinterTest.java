package dev.kindling.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.value.Bytes;
import dev.kindling.value.Sha256;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The text and JSON forms of a plan, without secrets. */
class PlanPrinterTest {
  /** One sample of every action type, holding secrets where the type can. */
  static final List<Action> SAMPLES =
      List.of(
          new SetHostname("node1"),
          new AuthorizeSshKeys("core", "coreos-cloudinit", List.of("ssh-ed25519 SECRETKEY1", "k2")),
          new ImportSshKeys(
              "ops", "coreos-cloudinit-ops", "https://u:SECRETPW@k.example/x?t=SECRETTOKEN"),
          new CreateUser(
              "deploy",
              "$6$SECRETHASH",
              "Deploy \"Bot\"",
              "",
              false,
              "",
              List.of("wheel", "docker"),
              false,
              true,
              false,
              "/bin/bash"),
          new WriteFile("/etc/motd", 0644, "", Bytes.utf8("hello world\n"), false),
          new WriteFile("/opt/secret", 04750, "app:app", Bytes.utf8("SECRETCONTENT"), true),
          new MergeEnvironmentFile("/etc/environment", Map.of("COREOS_PUBLIC_IPV4", "203.0.113.7")),
          new MergeUpdateConf(
              "/etc/coreos/update.conf",
              "/usr/share/coreos/update.conf",
              Map.of("REBOOT_STRATEGY", "off")),
          new WriteEtcHosts("/etc/hosts", ""),
          new PlaceUnit("b.service", "/etc/systemd/system/b.service", "[Service]\nSECRETUNIT\n"),
          new PlaceDropIn(
              "etcd2.service",
              "20-cloudinit.conf",
              "/run/systemd/system/etcd2.service.d/20-cloudinit.conf",
              "[Service]\nEnvironment=\"ETCD_PASSWORD=SECRETDROPIN\"\n"),
          new MaskUnit("m.service", "/etc/systemd/system/m.service"),
          new UnmaskUnit("etcd2.service", "/run/systemd/system/etcd2.service"),
          new EnableUnit("b.service", false),
          new DaemonReload(),
          new LoadKernelModule("bonding", List.of("mode=802.3ad", "miimon=100")),
          new UnitCommand("start", "b.service"),
          new RunScript(
              "/var/lib/coreos-cloudinit/scripts/0123456789abcdef",
              "coreos-cloudinit-0123456789abcdef.service",
              Bytes.utf8("#!/bin/sh\necho SECRETSCRIPT\n")),
          new RunCommand(
              "runcmd", 0, "echo SECRETCOMMAND", "kindling-runcmd-0-0123456789ab.service", true),
          new RejectedItem("write_files[1] /etc/b", "content cannot be decoded as \"base64\""));

  @Test
  void samples_coverEveryActionType() {
    Set<String> sampled =
        SAMPLES.stream().map(a -> a.getClass().getName()).collect(Collectors.toSet());
    Set<String> permitted =
        java.util.Arrays.stream(Action.class.getPermittedSubclasses())
            .map(Class::getName)
            .collect(Collectors.toSet());
    assertThat(sampled).isEqualTo(permitted);
  }

  @Test
  void json_contractShape_oneObjectPerLine() {
    String json = PlanPrinter.json(new Plan(SAMPLES));
    assertThat(json)
        .isEqualTo(
            "{\"actions\": [\n"
                + "  {\"type\": \"set-hostname\", \"hostname\": \"node1\"},\n"
                + "  {\"type\": \"authorize-ssh-keys\", \"user\": \"core\", \"name\": \"coreos-cloudinit\", \"count\": 2},\n"
                + "  {\"type\": \"import-ssh-keys\", \"user\": \"ops\", \"name\": \"coreos-cloudinit-ops\", \"url\": \"https://***@k.example/x?***\"},\n"
                + "  {\"type\": \"create-user\", \"user\": \"deploy\", \"groups\": [\"wheel\", \"docker\"], \"system\": true, \"passwordSet\": true},\n"
                + "  {\"type\": \"write-file\", \"path\": \"/etc/motd\", \"mode\": \"0644\", \"owner\": null, \"bytes\": 12, \"sha256\": \"a948904f2f0f479b8f8197694b30184b0d2ed1c1cd2a1ec0fb85d299a192a447\", \"append\": false},\n"
                + "  {\"type\": \"write-file\", \"path\": \"/opt/secret\", \"mode\": \"4750\", \"owner\": \"app:app\", \"bytes\": 13, \"sha256\": \""
                + Sha256.hex("SECRETCONTENT".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "\", \"append\": true},\n"
                + "  {\"type\": \"merge-environment-file\", \"path\": \"/etc/environment\", \"keys\": [\"COREOS_PUBLIC_IPV4\"]},\n"
                + "  {\"type\": \"merge-update-conf\", \"path\": \"/etc/coreos/update.conf\", \"base\": \"/usr/share/coreos/update.conf\", \"variables\": {\"REBOOT_STRATEGY\": \"off\"}},\n"
                + "  {\"type\": \"write-etc-hosts\", \"path\": \"/etc/hosts\", \"hostname\": null},\n"
                + "  {\"type\": \"place-unit\", \"unit\": \"b.service\", \"path\": \"/etc/systemd/system/b.service\", \"bytes\": 21, \"sha256\": \""
                + Sha256.hex(
                    "[Service]\nSECRETUNIT\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "\"},\n"
                + "  {\"type\": \"place-drop-in\", \"unit\": \"etcd2.service\", \"path\": \"/run/systemd/system/etcd2.service.d/20-cloudinit.conf\", \"bytes\": 51, \"sha256\": \""
                + Sha256.hex(
                    "[Service]\nEnvironment=\"ETCD_PASSWORD=SECRETDROPIN\"\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "\"},\n"
                + "  {\"type\": \"mask-unit\", \"unit\": \"m.service\", \"path\": \"/etc/systemd/system/m.service\"},\n"
                + "  {\"type\": \"unmask-unit\", \"unit\": \"etcd2.service\", \"path\": \"/run/systemd/system/etcd2.service\"},\n"
                + "  {\"type\": \"enable-unit\", \"unit\": \"b.service\", \"runtime\": false},\n"
                + "  {\"type\": \"daemon-reload\"},\n"
                + "  {\"type\": \"load-kernel-module\", \"module\": \"bonding\", \"parameters\": [\"mode=802.3ad\", \"miimon=100\"]},\n"
                + "  {\"type\": \"unit-command\", \"command\": \"start\", \"unit\": \"b.service\"},\n"
                + "  {\"type\": \"run-script\", \"path\": \"/var/lib/coreos-cloudinit/scripts/0123456789abcdef\", \"unit\": \"coreos-cloudinit-0123456789abcdef.service\", \"bytes\": 28, \"sha256\": \""
                + Sha256.hex(
                    "#!/bin/sh\necho SECRETSCRIPT\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "\"},\n"
                + "  {\"type\": \"runcmd\", \"index\": 0, \"unit\": \"kindling-runcmd-0-0123456789ab.service\", \"oncePerInstance\": true, \"bytes\": 18, \"sha256\": \""
                + Sha256.hex("echo SECRETCOMMAND".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "\"},\n"
                + "  {\"type\": \"rejected\", \"subject\": \"write_files[1] /etc/b\", \"reason\": \"content cannot be decoded as \\\"base64\\\"\"}\n"
                + "]}\n");
    assertThat(json).doesNotContain("SECRET");
  }

  @Test
  void json_isValidJson_typesFirst() throws Exception {
    com.fasterxml.jackson.databind.JsonNode root =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(PlanPrinter.json(new Plan(SAMPLES)));
    assertThat(root.get("actions")).hasSize(SAMPLES.size());
    for (int i = 0; i < SAMPLES.size(); i++) {
      assertThat(root.get("actions").get(i).fieldNames().next()).isEqualTo("type");
      assertThat(root.get("actions").get(i).get("type").asText()).isEqualTo(SAMPLES.get(i).type());
    }
  }

  @Test
  void json_emptyPlan() {
    assertThat(PlanPrinter.json(new Plan(List.of()))).isEqualTo("{\"actions\": []}\n");
  }

  @Test
  void text_oneLinePerAction_noSecrets() {
    String text = PlanPrinter.text(new Plan(SAMPLES));
    assertThat(text.lines()).hasSize(SAMPLES.size());
    assertThat(text).doesNotContain("SECRET");
    assertThat(text.lines().findFirst()).contains("set hostname to node1");
  }

  @Test
  void text_controlCharactersFromTheInput_areEscapedOneLinePerAction() {
    String text =
        PlanPrinter.text(
            new Plan(
                List.of(
                    new WriteFile("/etc/a\nb", 0644, "", Bytes.empty(), false),
                    new RejectedItem("users[0] bob\nroot", "invalid user name \"bob\nroot\""),
                    new SetHostname("node\u0000"))));
    assertThat(text)
        .isEqualTo(
            "write /etc/a\\nb (0644, 0 bytes)\n"
                + "not applied: users[0] bob\\nroot: invalid user name \"bob\\nroot\"\n"
                + "set hostname to node\\u0000\n");
  }

  @Test
  void text_unmaskSteps_carryTheirReason() {
    String text =
        PlanPrinter.text(
            new Plan(
                List.of(
                    new UnmaskUnit("etcd.service", "/run/systemd/system/etcd.service"),
                    new UnmaskUnit("fleet.service", "/run/systemd/system/fleet.service"),
                    new DaemonReload())));
    assertThat(text)
        .isEqualTo(
            "unmask etcd.service at /run/systemd/system/etcd.service  # every run unmasks these,"
                + " as coreos-cloudinit does: a runtime mask would keep them from starting\n"
                + "unmask fleet.service at /run/systemd/system/fleet.service\n"
                + new DaemonReload().describe()
                + "\n");
  }

  @Test
  void text_color_verbCyan_notAppliedRed_reasonDim_sameTextOtherwise() {
    Plan plan =
        new Plan(
            List.of(
                new UnmaskUnit("etcd.service", "/run/systemd/system/etcd.service"),
                new RejectedItem("write_files[0] /etc/x", "bad content")));

    String colored = PlanPrinter.text(plan, true);

    assertThat(colored)
        .isEqualTo(
            "\033[36munmask\033[0m etcd.service at /run/systemd/system/etcd.service\033[2m  #"
                + " every run unmasks these, as coreos-cloudinit does: a runtime mask would keep"
                + " them from starting\033[0m\n"
                + "\033[1;31mnot applied: \033[0mwrite_files[0] /etc/x: bad content\n");
    assertThat(colored.replaceAll("\033\\[[0-9;]*m", "")).isEqualTo(PlanPrinter.text(plan));
    assertThat(PlanPrinter.text(plan, false))
        .isEqualTo(PlanPrinter.text(plan))
        .doesNotContain("\033");
  }

  @Test
  void toString_ofSamples_noSecretsExceptPublicKeys() {
    // Records holding secret material override toString (or hold only Bytes, which hide theirs).
    for (Action a : SAMPLES) {
      if (!(a instanceof AuthorizeSshKeys)) {
        assertThat(a.toString()).as(a.type()).doesNotContain("SECRET");
      }
    }
  }
}
