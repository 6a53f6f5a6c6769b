package dev.kindling.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.metadata.Metadata;
import dev.kindling.value.Bytes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The planner's order and its deliberate changes from the original (docs/compatibility.md). */
class PlannerTest {
  private static final List<Action> SERVICE_UNMASKS =
      List.of(
          new UnmaskUnit("etcd.service", "/run/systemd/system/etcd.service"),
          new UnmaskUnit("etcd2.service", "/run/systemd/system/etcd2.service"),
          new UnmaskUnit("fleet.service", "/run/systemd/system/fleet.service"),
          new UnmaskUnit("locksmithd.service", "/run/systemd/system/locksmithd.service"));

  private static Metadata metadata(String hostname, Map<String, String> keys) {
    return new Metadata(
        Optional.of("i-1"),
        Optional.ofNullable(hostname),
        Optional.of("203.0.113.7"),
        Optional.of("10.0.0.5"),
        Optional.empty(),
        Optional.empty(),
        keys,
        Optional.empty());
  }

  @Test
  void plan_emptyUserData_metadataOnlyConfig() {
    PlanInput input = new PlanInput(List.of(), Metadata.empty(), PlanOptions.defaults("url"));
    assertThat(Planner.plan(input).actions()).isEqualTo(SERVICE_UNMASKS);
  }

  @Test
  void plan_hostnameAndCoreKeys_beforeUsersAndFiles() {
    List<Action> actions =
        TestConfigs.plan(
            "#cloud-config\nusers:\n  - name: deploy\nwrite_files:\n  - path: /x\n"
                + "hostname: node1\nssh_authorized_keys: [\""
                + TestConfigs.key("k1")
                + "\"]\n");
    assertThat(actions.subList(0, 4))
        .containsExactly(
            new SetHostname("node1"),
            new AuthorizeSshKeys("core", "coreos-cloudinit", List.of(TestConfigs.key("k1"))),
            new CreateUser("deploy", "", "", "", false, "", List.of(), false, false, false, ""),
            new WriteFile("/x", 0644, "", Bytes.empty(), false));
  }

  @Test
  void plan_userDataHostname_winsAndIsKeptVerbatim() {
    PlanInput input =
        TestConfigs.single(
            "#cloud-config\nhostname: web.example.com\n",
            metadata("ip-10-0-0-5.ec2.internal", Map.of()));
    assertThat(Planner.plan(input).actions().get(0)).isEqualTo(new SetHostname("web.example.com"));
  }

  @Test
  void plan_metadataFqdn_shortenedToFirstLabel() {
    PlanInput input =
        TestConfigs.single("#cloud-config\n", metadata("ip-10-0-0-5.ec2.internal", Map.of()));
    assertThat(Planner.plan(input).actions().get(0)).isEqualTo(new SetHostname("ip-10-0-0-5"));
    assertThat(Reachability.shorten("a".repeat(70) + ".x")).hasSize(63);
    assertThat(Reachability.hostname(List.of(), metadata(".example.com", Map.of()))).isEmpty();
  }

  @Test
  void plan_coreKeys_unionOfPartsUsersCoreAndMetadata_deduplicatedTrimmed() {
    String a = TestConfigs.key("A");
    String b = TestConfigs.key("B");
    String c = TestConfigs.key("C");
    String core = TestConfigs.key("CORE");
    String meta = TestConfigs.key("META");
    String ops = TestConfigs.key("OPS");
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("meta", meta);
    keys.put("dup", a);
    PlanInput input =
        new PlanInput(
            List.of(
                new PlanInput.ConfigPart(
                    "part 1",
                    TestConfigs.checked(
                        "#cloud-config\nssh_authorized_keys: [' "
                            + a
                            + " ', '', '"
                            + b
                            + "']\nusers:\n  - name: core\n    ssh_authorized_keys: ['"
                            + core
                            + "']\n  - name: ops\n    ssh_authorized_keys: ['"
                            + ops
                            + "', '"
                            + ops
                            + "']\n")),
                new PlanInput.ConfigPart(
                    "part 2",
                    TestConfigs.checked(
                        "#cloud-config\nssh_authorized_keys: ['" + b + "', '" + c + "']\n"))),
            metadata(null, keys),
            new PlanOptions("fleet-key", "/var/lib/coreos-cloudinit", "", "ec2-metadata"));
    List<Action> actions = Planner.plan(input).actions();
    assertThat(actions.get(0))
        .isEqualTo(new AuthorizeSshKeys("core", "fleet-key", List.of(a, b, c, core, meta)));
    // the core user is created/updated but its keys are not installed a second time
    assertThat(actions)
        .filteredOn(x -> x instanceof AuthorizeSshKeys)
        .containsExactly(actions.get(0), new AuthorizeSshKeys("ops", "fleet-key", List.of(ops)));
  }

  @Test
  void plan_rejectedKeysAndCoreUser_leftOutOfTheCoreKeys() {
    String good = TestConfigs.key("good");
    List<Action> actions =
        TestConfigs.plan(
            "#cloud-config\nssh_authorized_keys: ['"
                + good
                + "', 'ssh-ed25519 AAAA truncated']\n"
                + "users:\n  - name: core\n    homedir: relative\n"
                + "    ssh_authorized_keys: ['"
                + TestConfigs.key("core-of-rejected-user")
                + "']\n");
    assertThat(actions.get(0))
        .isEqualTo(new AuthorizeSshKeys("core", "coreos-cloudinit", List.of(good)));
    assertThat(actions)
        .filteredOn(x -> x instanceof RejectedItem)
        .extracting(x -> ((RejectedItem) x).subject())
        .containsExactly("ssh_authorized_keys[1]", "users[0] core");
  }

  @Test
  void plan_multipart_firstHostnameWins_metadataOnce_partsInOrder() {
    PlanInput input =
        new PlanInput(
            List.of(
                new PlanInput.ConfigPart(
                    "part 1", TestConfigs.checked("#cloud-config\nwrite_files:\n  - path: /a\n")),
                new PlanInput.ScriptPart("part 2", Bytes.utf8("#!/bin/sh\necho hi\n")),
                new PlanInput.ConfigPart(
                    "part 3",
                    TestConfigs.checked(
                        "#cloud-config\nhostname: second\nmanage_etc_hosts: bogus\n"))),
            metadata("first.example", Map.of()),
            PlanOptions.defaults("ec2-metadata"));
    List<String> types = Planner.plan(input).actions().stream().map(Action::type).toList();
    assertThat(types)
        .containsExactly(
            "set-hostname",
            "write-file",
            "merge-environment-file",
            "write-file",
            "unmask-unit",
            "unmask-unit",
            "unmask-unit",
            "unmask-unit",
            "run-script",
            "rejected",
            "unmask-unit",
            "unmask-unit",
            "unmask-unit",
            "unmask-unit");
    assertThat(Planner.plan(input).actions().get(0)).isEqualTo(new SetHostname("second"));
    assertThat(Planner.plan(input).actions().get(9))
        .isEqualTo(new RejectedItem("part 3: manage_etc_hosts", "invalid value bogus"));
  }

  @Test
  void plan_scriptOnly_metadataConfigThenScript_deterministicName() {
    Bytes script = Bytes.utf8("#!/usr/bin/env python3\nprint('hi')\n");
    PlanInput input =
        new PlanInput(
            List.of(new PlanInput.ScriptPart("user-data", script)),
            Metadata.empty(),
            new PlanOptions("coreos-cloudinit", "/var/lib/kindling/", "", "local-file"));
    List<Action> actions = Planner.plan(input).actions();
    String name = ScriptActions.name(script);
    assertThat(name).hasSize(16).isEqualTo(ScriptActions.name(Bytes.utf8(script.toUtf8())));
    assertThat(actions.subList(0, 4)).isEqualTo(SERVICE_UNMASKS);
    assertThat(actions.get(4))
        .isEqualTo(
            new RunScript(
                "/var/lib/kindling/scripts/" + name,
                "coreos-cloudinit-" + name + ".service",
                script));
  }

  @Test
  void plan_rejectedPart_isARejectedItemInItsPlace() {
    PlanInput input =
        new PlanInput(
            List.of(
                new PlanInput.RejectedPart(
                    "user-data", "the script's #! line names no interpreter")),
            Metadata.empty(),
            PlanOptions.defaults("local-file"));
    assertThat(Planner.plan(input).actions().get(4))
        .isEqualTo(new RejectedItem("user-data", "the script's #! line names no interpreter"));
  }

  @Test
  void plan_badWriteFiles_rejectedInPlace_othersStillWritten() {
    List<Action> actions =
        TestConfigs.plan(
            "#cloud-config\nwrite_files:\n"
                + "  - path: /etc/a\n    content: a\n"
                + "  - path: /etc/b\n    encoding: base64\n    content: 'not base64!'\n"
                + "  - path: /etc/c\n    permissions: '0999'\n"
                + "  - content: no path\n"
                + "  - path: /etc/d\n    permissions: '4755'\n    owner: app:app\n    append: true\n");
    assertThat(actions.subList(0, 5))
        .containsExactly(
            new WriteFile("/etc/a", 0644, "", Bytes.utf8("a"), false),
            new RejectedItem(
                "write_files[1] /etc/b", "content cannot be decoded as \"<redacted>\""),
            new RejectedItem("write_files[2] /etc/c", "invalid value 0999"),
            new RejectedItem("write_files[3]", "file has no path"),
            new WriteFile("/etc/d", 04755, "app:app", Bytes.empty(), true));
  }

  @Test
  void plan_writeFilesWritesEnvironment_noMerge() {
    PlanInput input =
        TestConfigs.single(
            "#cloud-config\nwrite_files:\n  - path: /etc/../etc/environment\n    content: A=1\n",
            metadata(null, Map.of()));
    assertThat(Planner.plan(input).actions())
        .noneMatch(a -> a instanceof MergeEnvironmentFile)
        .anyMatch(a -> a instanceof WriteFile w && w.path().equals("/etc/environment"));
  }

  @Test
  void plan_metadataAddresses_mergedIntoEnvironment() {
    PlanInput input = TestConfigs.single("#cloud-config\n", metadata(null, Map.of()));
    assertThat(Planner.plan(input).actions())
        .contains(
            new MergeEnvironmentFile(
                "/etc/environment",
                Map.of("COREOS_PUBLIC_IPV4", "203.0.113.7", "COREOS_PRIVATE_IPV4", "10.0.0.5")));
  }

  @Test
  void plan_convertNetconfWithoutNetworkConfig_rejectedNotCrashed() {
    PlanInput input =
        new PlanInput(
            List.of(),
            Metadata.empty(),
            new PlanOptions(
                "coreos-cloudinit", "/var/lib/coreos-cloudinit", "debian", "local-file"));
    assertThat(Planner.plan(input).actions().get(0))
        .isEqualTo(
            new RejectedItem(
                "convert-netconf debian", "the datasource supplied no debian network config"));
  }

  @Test
  void plan_convertNetconfOpenstackWithoutNetworkData_nothingPlanned() {
    PlanOptions options =
        new PlanOptions(
            "coreos-cloudinit", "/var/lib/coreos-cloudinit", "openstack", "configdrive");
    Metadata debian =
        new Metadata(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            Optional.of(new Metadata.NetworkConfig("debian", "iface eth0 inet dhcp\n")));
    for (Metadata metadata : List.of(Metadata.empty(), debian)) {
      assertThat(Planner.plan(new PlanInput(List.of(), metadata, options)).actions())
          .noneMatch(a -> a instanceof RejectedItem || a instanceof PlaceUnit)
          .noneMatch(
              a -> a instanceof UnitCommand c && c.unit().equals("systemd-networkd.service"));
    }
  }

  @Test
  void plan_convertNetconfOpenstack_unitsRestartAndWhatWasLeftOut() {
    String json =
        "{\"links\": [{\"id\": \"tap0\", \"type\": \"ovs\","
            + " \"ethernet_mac_address\": \"fa:16:3e:00:00:01\"},"
            + " {\"id\": \"x\", \"type\": \"vxlan\"}],"
            + " \"networks\": [{\"id\": \"n0\", \"type\": \"ipv4_dhcp\", \"link\": \"tap0\"}],"
            + " \"services\": []}";
    Metadata metadata =
        new Metadata(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            Optional.of(new Metadata.NetworkConfig("openstack", json)));
    PlanOptions options =
        new PlanOptions(
            "coreos-cloudinit", "/var/lib/coreos-cloudinit", "openstack", "configdrive");
    List<Action> actions = Planner.plan(new PlanInput(List.of(), metadata, options)).actions();
    assertThat(actions)
        .contains(
            new RejectedItem(
                "convert-netconf openstack links[1] \"x\"",
                "unsupported link type \"vxlan\" (Kindling converts NICs, bonds and VLANs; it does"
                    + " not guess what this is)"))
        .contains(
            new PlaceUnit(
                "30-kindling-fa163e000001.network",
                "/run/systemd/network/30-kindling-fa163e000001.network",
                "# Kindling: network_data.json link \"tap0\" (ovs)\n[Match]\n"
                    + "MACAddress=fa:16:3e:00:00:01\nType=ether\n\n[Network]\nDHCP=ipv4\n"))
        .containsOnlyOnce(new UnitCommand("restart", "systemd-networkd.service"))
        .noneMatch(a -> a instanceof LoadKernelModule);
  }

  @Test
  void plan_invalidRebootStrategy_rejectsUpdateSection() {
    List<Action> actions =
        TestConfigs.plan(
            "#cloud-config\ncoreos:\n  update:\n    reboot_strategy: wizzlewazzle\n    group: beta\n");
    assertThat(actions.get(0))
        .isEqualTo(new RejectedItem("coreos.update", "invalid value wizzlewazzle"));
    assertThat(actions.subList(1, actions.size())).isEqualTo(SERVICE_UNMASKS);
  }

  @Test
  void plan_lineBreaksInOneLineValues_rejectedNothingInjected() {
    PlanInput input =
        TestConfigs.single(
            "#cloud-config\nhostname: \"node1\\n10.9.9.9 evil\"\nmanage_etc_hosts: localhost\n"
                + "coreos:\n  update:\n    group: \"beta\\nSERVER=http://evil/\"\n"
                + "  oem:\n    id: \"x\\nFOO=1\"\n",
            metadata("meta-host.example.com", Map.of()));
    List<Action> actions = Planner.plan(input).actions();
    assertThat(actions.get(0)).isEqualTo(new SetHostname("meta-host"));
    assertThat(actions)
        .contains(
            new RejectedItem(
                "hostname",
                "\"hostname\" holds a line break (U+000A): it would be written into /etc/hostname"
                    + " and /etc/hosts as more than one line, so it is not applied"),
            new WriteEtcHosts("/etc/hosts", "meta-host"))
        .anyMatch(a -> a instanceof RejectedItem r && r.subject().equals("coreos.update"))
        .anyMatch(a -> a instanceof RejectedItem r && r.subject().equals("coreos.oem.id"))
        .noneMatch(a -> a instanceof MergeUpdateConf)
        .noneMatch(a -> a instanceof WriteFile w && w.path().equals(OemRelease.PATH));
  }

  @Test
  void plan_sameInput_sameplan() {
    PlanInput input = TestConfigs.single(UnitActionsTest.TRACE_CONFIG, metadata("h", Map.of()));
    assertThat(Planner.plan(input)).isEqualTo(Planner.plan(input));
  }

  @Test
  void plan_writeFileToRoot_rejected() {
    assertThat(TestConfigs.plan("#cloud-config\nwrite_files:\n  - path: /tmp/..\n").get(0))
        .isEqualTo(
            new RejectedItem(
                "write_files[0] /tmp/..", "path \"/tmp/..\" is the root directory, not a file"));
  }
}
