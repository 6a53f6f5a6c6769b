package dev.kindling.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.config.CheckedConfig;
import dev.kindling.config.CloudConfig;
import dev.kindling.config.DropIn;
import dev.kindling.config.Unit;
import dev.kindling.metadata.Metadata;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * processUnits: the golden action trace recorded on upstream's code and the cases of upstream
 * initialize/config_test.go.
 */
class UnitActionsTest {
  private static List<Action> units(Unit... units) {
    List<UnitActions.Entry> entries = new ArrayList<>();
    for (Unit u : units) {
      entries.add(UnitActions.Entry.generated(u, "coreos.units " + u.name()));
    }
    return UnitActions.plan(
        entries, new Rejections(CheckedConfig.accepted(CloudConfig.empty()), ""));
  }

  private static Unit unit(String name, String content, String command) {
    return new Unit(name, false, false, false, content, command, List.of());
  }

  /** An action in the harness's recording-unit-manager notation; null for non-unit actions. */
  private static String trace(Action a) {
    if (a instanceof PlaceUnit p) {
      return "PlaceUnit " + p.path();
    } else if (a instanceof PlaceDropIn p) {
      return "PlaceUnitDropIn " + p.path();
    } else if (a instanceof EnableUnit e) {
      return "EnableUnitFiles([" + e.unit() + "], runtime=" + e.runtime() + ", force=true)";
    } else if (a instanceof UnmaskUnit u) {
      return "UnmaskUnit " + u.path();
    } else if (a instanceof MaskUnit m) {
      return "MaskUnit " + m.path();
    } else if (a instanceof DaemonReload) {
      return "DaemonReload";
    } else if (a instanceof UnitCommand c) {
      return "RunUnitCommand " + c.command() + " " + c.unit() + " (mode replace)";
    }
    return null;
  }

  static final String TRACE_CONFIG =
      String.join(
          "\n",
          "#cloud-config",
          "coreos:",
          "  etcd2:",
          "    name: node1",
          "  fleet:",
          "    public-ip: 1.2.3.4",
          "  locksmith:",
          "    group: g",
          "  update:",
          "    reboot-strategy: off",
          "    server: https://update.example/",
          "  units:",
          "    - name: b.service",
          "      command: start",
          "      enable: true",
          "      content: |",
          "        [Service]",
          "        ExecStart=/bin/true",
          "      drop-ins:",
          "        - name: 10-x.conf",
          "          content: |",
          "            [Service]",
          "            Environment=X=1",
          "    - name: 10-eth0.network",
          "      command: restart",
          "      enable: true",
          "      runtime: true",
          "      content: |",
          "        [Match]",
          "        Name=eth0",
          "    - name: m.service",
          "      mask: true",
          "      command: stop",
          "    - name: noop.service",
          "");

  @Test
  void plan_harnessConfig_reproducesGoldenTrace() {
    List<String> trace =
        Planner.plan(TestConfigs.single(TRACE_CONFIG, Metadata.empty())).actions().stream()
            .map(UnitActionsTest::trace)
            .filter(t -> t != null)
            .toList();
    assertThat(trace)
        .containsExactly(
            "PlaceUnit /etc/systemd/system/b.service",
            "PlaceUnitDropIn /etc/systemd/system/b.service.d/10-x.conf",
            "EnableUnitFiles([b.service], runtime=false, force=true)",
            "PlaceUnit /run/systemd/network/10-eth0.network",
            "UnmaskUnit /run/systemd/network/10-eth0.network",
            "MaskUnit /etc/systemd/system/m.service",
            "UnmaskUnit /run/systemd/system/etcd.service",
            "PlaceUnitDropIn /run/systemd/system/etcd2.service.d/20-cloudinit.conf",
            "UnmaskUnit /run/systemd/system/etcd2.service",
            "PlaceUnitDropIn /run/systemd/system/fleet.service.d/20-cloudinit.conf",
            "UnmaskUnit /run/systemd/system/fleet.service",
            "PlaceUnitDropIn /run/systemd/system/locksmithd.service.d/20-cloudinit.conf",
            "UnmaskUnit /run/systemd/system/locksmithd.service",
            "MaskUnit /run/systemd/system/locksmithd.service",
            "DaemonReload",
            "RunUnitCommand restart systemd-networkd.service (mode replace)",
            "RunUnitCommand start b.service (mode replace)",
            "RunUnitCommand stop m.service (mode replace)",
            "RunUnitCommand stop locksmithd.service (mode replace)",
            "RunUnitCommand restart update-engine.service (mode replace)");
  }

  @Test
  void plan_mask_masksOnly() {
    assertThat(units(new Unit("foo", true, false, false, "", "", List.of())))
        .containsExactly(new MaskUnit("foo", "/etc/systemd/system/foo"));
  }

  @Test
  void plan_serviceAndNetworkUnits_placedThenOneNetworkdRestartBeforeCommands() {
    assertThat(
            units(
                unit("baz.service", "[Service]\nExecStart=/bin/true", "start"),
                unit("foo.network", "[Network]\nFoo=true", ""),
                unit("bar.network", "[Network]\nBar=true", "")))
        .containsExactly(
            new PlaceUnit(
                "baz.service", "/etc/systemd/system/baz.service", "[Service]\nExecStart=/bin/true"),
            new PlaceUnit("foo.network", "/etc/systemd/network/foo.network", "[Network]\nFoo=true"),
            new PlaceUnit("bar.network", "/etc/systemd/network/bar.network", "[Network]\nBar=true"),
            new DaemonReload(),
            new UnitCommand("restart", "systemd-networkd.service"),
            new UnitCommand("start", "baz.service"));
  }

  @Test
  void plan_contentWithoutCommand_placedAndReloaded() {
    assertThat(units(unit("baz.service", "[Service]\nExecStart=/bin/true", "")))
        .containsExactly(
            new PlaceUnit(
                "baz.service", "/etc/systemd/system/baz.service", "[Service]\nExecStart=/bin/true"),
            new DaemonReload());
  }

  @Test
  void plan_runtimeWithoutContent_unmaskedOnly() {
    assertThat(units(new Unit("locksmithd.service", false, false, true, "", "", List.of())))
        .containsExactly(
            new UnmaskUnit("locksmithd.service", "/run/systemd/system/locksmithd.service"));
  }

  @Test
  void plan_enable_enabledOnly() {
    assertThat(units(new Unit("woof", false, true, false, "", "", List.of())))
        .containsExactly(new EnableUnit("woof", false));
  }

  @Test
  void plan_runtimeWithDropIns_placedInOrderUnmaskedReloaded() {
    Unit hi =
        new Unit(
            "hi.service",
            false,
            false,
            true,
            "[Service]\nExecStart=/bin/echo hi",
            "",
            List.of(
                new DropIn("lo.conf", "[Service]\nExecStart=/bin/echo lo"),
                new DropIn("bye.conf", "[Service]\nExecStart=/bin/echo bye")));
    assertThat(units(hi))
        .containsExactly(
            new PlaceUnit(
                "hi.service",
                "/run/systemd/system/hi.service",
                "[Service]\nExecStart=/bin/echo hi"),
            new PlaceDropIn(
                "hi.service",
                "lo.conf",
                "/run/systemd/system/hi.service.d/lo.conf",
                "[Service]\nExecStart=/bin/echo lo"),
            new PlaceDropIn(
                "hi.service",
                "bye.conf",
                "/run/systemd/system/hi.service.d/bye.conf",
                "[Service]\nExecStart=/bin/echo bye"),
            new UnmaskUnit("hi.service", "/run/systemd/system/hi.service"),
            new DaemonReload());
  }

  @Test
  void plan_namelessUnitAndIncompleteDropIns_nothing() {
    assertThat(
            units(
                new Unit("", false, true, false, "[Service]", "start", List.of()),
                new Unit(
                    "d.service",
                    false,
                    false,
                    false,
                    "",
                    "",
                    List.of(new DropIn("", "[Service]"), new DropIn("x.conf", "")))))
        .isEmpty();
  }

  @Test
  void plan_networkUnit_neverEnabledCommandIgnored() {
    assertThat(units(new Unit("10-x.network", false, true, false, "", "stop", List.of())))
        .containsExactly(new UnitCommand("restart", "systemd-networkd.service"));
  }

  @Test
  void plan_invalidCommand_rejectedInCommandSlot() {
    List<Action> actions =
        TestConfigs.plan(
            "#cloud-config\ncoreos:\n  units:\n"
                + "    - name: a.service\n      content: \"[Service]\"\n      command: begin\n"
                + "    - name: b.service\n      command: start\n");
    assertThat(actions)
        .containsSubsequence(
            new PlaceUnit("a.service", "/etc/systemd/system/a.service", "[Service]"),
            new DaemonReload(),
            new RejectedItem("coreos.units[0] a.service", "invalid value begin"),
            new UnitCommand("start", "b.service"));
  }

  @Test
  void plan_escapingNames_rejectedNotPlaced() {
    List<Action> actions =
        TestConfigs.plan(
            "#cloud-config\ncoreos:\n  units:\n"
                + "    - name: ../../etc/passwd\n      content: \"[Service]\"\n      command: start\n"
                + "    - name: ok.service\n      drop_ins:\n"
                + "        - name: ../x.conf\n          content: \"[Service]\"\n");
    assertThat(actions)
        .filteredOn(a -> a instanceof RejectedItem || a instanceof PlaceUnit)
        .containsExactly(
            new RejectedItem(
                "coreos.units[0] ../../etc/passwd", "invalid unit name \"../../etc/passwd\""),
            new RejectedItem(
                "coreos.units[1] ok.service drop-in ../x.conf",
                "invalid drop-in name \"../x.conf\""));
    assertThat(actions).noneMatch(a -> a instanceof PlaceDropIn);
  }

  @Test
  void plan_generatedUnitWithEscapingName_rejected() {
    assertThat(units(unit("../x.network", "[Match]", "")))
        .containsExactly(
            new RejectedItem(
                "coreos.units ../x.network", "a unit or drop-in name must not contain \"/\""));
  }
}
