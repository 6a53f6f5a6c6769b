package dev.kindling.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Unit types, groups and destinations (upstream system/unit_test.go). */
class SystemdPathsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "foo.service, service, system",
    "foo.link, link, network",
    "foo.network, network, network",
    "foo.netdev, netdev, network",
    "foo.socket, socket, system",
    "foo.bar.timer, timer, system",
    "noextension, '', system",
  })
  void unitName_typeAndGroup(String name, String type, String group) {
    UnitName unit = new UnitName(name);
    assertThat(unit.type()).isEqualTo(type);
    assertThat(unit.group()).isEqualTo(group);
  }

  @Test
  void unitPath_runtimeAndGroup() {
    assertThat(SystemdPaths.unitPath(new UnitName("foo.service"), false))
        .isEqualTo("/etc/systemd/system/foo.service");
    assertThat(SystemdPaths.unitPath(new UnitName("foo.service"), true))
        .isEqualTo("/run/systemd/system/foo.service");
    assertThat(SystemdPaths.unitPath(new UnitName("10-eth0.network"), false))
        .isEqualTo("/etc/systemd/network/10-eth0.network");
    assertThat(SystemdPaths.unitPath(new UnitName("10-eth0.network"), true))
        .isEqualTo("/run/systemd/network/10-eth0.network");
  }

  @Test
  void dropInPath_underUnitDirectory() {
    assertThat(
            SystemdPaths.dropInPath(new UnitName("etcd2.service"), true, SystemdPaths.DROP_IN_NAME))
        .isEqualTo("/run/systemd/system/etcd2.service.d/20-cloudinit.conf");
    assertThat(SystemdPaths.dropInPath(new UnitName("b.service"), false, "10-x.conf"))
        .isEqualTo("/etc/systemd/system/b.service.d/10-x.conf");
  }

  @Test
  void goPath_rooted_likePathJoin() {
    assertThat(GoPath.rooted("etc/x")).isEqualTo("/etc/x");
    assertThat(GoPath.rooted("/tmp/../etc//x/./y/")).isEqualTo("/etc/x/y");
    assertThat(GoPath.rooted("/../../x")).isEqualTo("/x");
    assertThat(GoPath.rooted("")).isEqualTo("/");
  }

  @Test
  void systemdQuoting_escape() {
    assertThat(SystemdQuoting.escape("a\"b\\c%d\ne\rf\tg")).isEqualTo("a\\\"b\\\\c%%d\\ne\\rf\\tg");
  }
}
