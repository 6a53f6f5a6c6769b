package dev.kindling.config.bind;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.config.CloudConfig;
import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.ShellCommand;
import dev.kindling.config.yaml.YamlParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigBinderTest {
  private static BindResult bind(String yaml) {
    return ConfigBinder.bind(YamlParser.parse(yaml));
  }

  private static List<String> describe(BindResult r) {
    return r.findings().stream()
        .map(
            f ->
                f.position().orElseThrow()
                    + " "
                    + f.severity().label()
                    + " "
                    + f.code().id()
                    + " "
                    + f.path()
                    + ": "
                    + f.message()
                    + f.hint().map(h -> " | " + h).orElse(""))
        .toList();
  }

  @Test
  void bind_rawTextKeptForStringFields() {
    BindResult r =
        bind(
            "#cloud-config\n"
                + "write_files:\n"
                + "  - path: /etc/x\n"
                + "    permissions: 0644\n"
                + "coreos:\n"
                + "  update:\n"
                + "    reboot-strategy: off\n"
                + "  etcd2:\n"
                + "    heartbeat_interval: 0x10\n"
                + "    debug: yes\n");
    CloudConfig c = r.config();
    assertThat(c.writeFiles().get(0).permissions()).isEqualTo("0644");
    assertThat(c.coreos().update().string("reboot_strategy")).isEqualTo("off");
    assertThat(c.coreos().etcd2().get("heartbeat_interval")).contains(16L);
    assertThat(c.coreos().etcd2().get("debug")).contains(true);
    assertThat(describe(r))
        .containsExactly(
            "7:5 info dash-key coreos.update.reboot_strategy: \"reboot-strategy\" is read as"
                + " \"reboot_strategy\" | spell it \"reboot_strategy\": other tools (Flatcar's"
                + " coreos-cloudinit since 3975) ignore dashed keys",
            "8:3 warning deprecated-key coreos.etcd2: deprecated key \"etcd2\" (etcd2 is no longer"
                + " shipped in Container Linux)");
  }

  @Test
  void bind_wrongTypesAndUnknownKeys_areFindings() {
    BindResult r =
        bind(
            "#cloud-config\n"
                + "hostname:\n"
                + "units:\n"
                + "  - name: a.service\n"
                + "users:\n"
                + "  - name: bob\n"
                + "    groups: sudo\n"
                + "  - just-a-string\n"
                + "coreos:\n"
                + "  units:\n"
                + "    - name: x.service\n"
                + "      enable: \"true\"\n"
                + "      command: begin\n"
                + "  update:\n"
                + "    reboot_strategy:\n");
    assertThat(describe(r))
        .containsExactly(
            "2:10 error incorrect-type hostname: incorrect type for \"hostname\" (want a string) |"
                + " the key has no value; give it one or remove the key",
            "3:1 warning misplaced-key units: unrecognized key \"units\" | \"units\" belongs"
                + " elsewhere: did you mean \"coreos.units[]\"?",
            "7:13 error incorrect-type users[0].groups: incorrect type for \"groups\" (want a"
                + " list of strings) | write a list: groups: [sudo]",
            "8:5 error incorrect-type users[1]: incorrect type for \"users[1]\" (want a mapping with name, passwd, ssh_authorized_keys...)",
            "12:15 error incorrect-type coreos.units[0].enable: incorrect type for \"enable\""
                + " (want true or false) | remove the quotes: true",
            "13:16 error invalid-value coreos.units[0].command: invalid value begin | allowed"
                + " values: \"start\", \"stop\", \"restart\", \"reload\", \"try-restart\","
                + " \"reload-or-restart\", \"reload-or-try-restart\"",
            "15:21 error incorrect-type coreos.update.reboot_strategy: incorrect type for"
                + " \"reboot_strategy\" (want a string) | the key has no value; give it one or"
                + " remove the key");
    assertThat(r.config().users()).hasSize(1);
  }

  @Test
  void bind_duplicateListKeysConcatenate_andSourceMapFollows() {
    BindResult r =
        bind(
            "#cloud-config\n"
                + "write-files:\n"
                + "  - path: /a\n"
                + "write_files:\n"
                + "  - path: /b\n"
                + "  - path: /c\n");
    assertThat(r.config().writeFiles()).extracting("path").containsExactly("/a", "/b", "/c");
    Finding f =
        r.sources()
            .locate(
                Finding.error(
                    Code.READ_ONLY_PATH,
                    dev.kindling.config.yaml.ConfigPath.of("write_files", 2, "path"),
                    "x"));
    assertThat(f.position().orElseThrow().line()).isEqualTo(6);
    assertThat(f.path().toString()).isEqualTo("write_files[1].path");
  }

  @Test
  void bind_duplicatedMappingKey_mergesKeyByKeyAsTheOriginalDecoder() {
    BindResult r =
        bind(
            "#cloud-config\n"
                + "coreos:\n"
                + "  etcd2:\n"
                + "    name: first\n"
                + "    discovery: https://discovery.example/x\n"
                + "  units:\n"
                + "    - name: a.service\n"
                + "      command: start\n"
                + "  update:\n"
                + "    group: alpha\n"
                + "hostname: node1\n"
                + "coreos:\n"
                + "  etcd2:\n"
                + "    name: second\n"
                + "  units:\n"
                + "    - name: b.service\n"
                + "      command: start\n"
                + "  update:\n"
                + "    server: https://update.example/\n");
    CloudConfig c = r.config();
    assertThat(c.coreos().units()).extracting("name").containsExactly("a.service", "b.service");
    assertThat(c.coreos().etcd2().string("name")).isEqualTo("second");
    assertThat(c.coreos().etcd2().string("discovery")).isEqualTo("https://discovery.example/x");
    assertThat(c.coreos().update().string("group")).isEqualTo("alpha");
    assertThat(c.coreos().update().string("server")).isEqualTo("https://update.example/");
    assertThat(c.hostname()).isEqualTo("node1");
    Finding second =
        r.sources()
            .locate(
                Finding.error(
                    Code.UNIT_NAME,
                    dev.kindling.config.yaml.ConfigPath.of("coreos", "units", 1, "name"),
                    "x"));
    assertThat(second.position().orElseThrow().toString()).isEqualTo("16:13");
    assertThat(second.path().toString()).isEqualTo("coreos.units[0].name");
  }

  @Test
  void bind_duplicatedScalarInStructList_laterWins_listsConcatenate() {
    BindResult r =
        bind(
            "#cloud-config\n"
                + "users:\n"
                + "  - name: a\n"
                + "    groups: [x]\n"
                + "    shell: /bin/sh\n"
                + "    groups: [y]\n"
                + "    shell: /bin/bash\n");
    assertThat(r.config().users().get(0).groups()).containsExactly("x", "y");
    assertThat(r.config().users().get(0).shell()).isEqualTo("/bin/bash");
  }

  @Test
  void bind_valueOnTheNextLine_incorrectTypeOnTheKeyLine() {
    BindResult r = bind("#cloud-config\nhostname:\n  name: a\n");
    assertThat(describe(r))
        .containsExactly(
            "2:1 error incorrect-type hostname: incorrect type for \"hostname\" (want a string)");
  }

  @Test
  void bind_yamlErrors_reportedOnceAtTrueLine() {
    BindResult r = bind("#cloud-config\nhostname: a\n\tcoreos: {}\n");
    assertThat(r.findings()).hasSize(1);
    assertThat(r.findings().get(0).code()).isEqualTo(Code.YAML_SYNTAX);
    assertThat(r.findings().get(0).position().orElseThrow().line()).isEqualTo(3);
  }

  @Test
  void bind_anchorsAndMerge() {
    BindResult r =
        bind(
            "#cloud-config\n"
                + "base: &b\n  name: x.service\n  command: start\n"
                + "coreos:\n  units:\n    - <<: *b\n      command: stop\n");
    assertThat(r.config().coreos().units().get(0).name()).isEqualTo("x.service");
    assertThat(r.config().coreos().units().get(0).command()).isEqualTo("stop");
  }

  @Test
  void locate_stringListItems_haveTheirOwnPositions() {
    BindResult r =
        bind(
            "#cloud-config\nssh_authorized_keys:\n  - a\n  - [x]\n  - b\nssh-authorized-keys: [c]\n");
    assertThat(r.config().sshAuthorizedKeys()).containsExactly("a", "b", "c");
    Finding second =
        r.sources()
            .locate(
                Finding.error(
                    Code.SSH_KEY,
                    dev.kindling.config.yaml.ConfigPath.of("ssh_authorized_keys", 1),
                    "x"));
    assertThat(second.position().orElseThrow().toString()).isEqualTo("5:5");
    assertThat(second.path().toString()).isEqualTo("ssh_authorized_keys[2]");
    Finding third =
        r.sources()
            .locate(
                Finding.error(
                    Code.SSH_KEY,
                    dev.kindling.config.yaml.ConfigPath.of("ssh_authorized_keys", 2),
                    "x"));
    assertThat(third.position().orElseThrow().toString()).isEqualTo("6:23");
    assertThat(third.path().toString()).isEqualTo("ssh_authorized_keys[0]");
  }

  @Test
  void bind_commandList_skipsRefusedItems_andItsSourcesContinueAcrossRepeatedKeys() {
    BindResult r =
        bind(
            "#cloud-config\n"
                + "runcmd:\n"
                + "  - echo one\n"
                + "  -\n"
                + "  - [ls, {x: 1}]\n"
                + "  - [mkdir, -p, /a]\n"
                + "runcmd: [echo two]\n");
    assertThat(r.config().runcmd())
        .containsExactly(
            ShellCommand.line("echo one"),
            ShellCommand.argv(List.of("mkdir", "-p", "/a")),
            ShellCommand.line("echo two"));
    assertThat(describe(r))
        .anyMatch(d -> d.startsWith("5:10 error incorrect-type runcmd[2][1]: incorrect type"));
    List<String> located = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Finding f =
          r.sources()
              .locate(
                  Finding.error(
                      Code.READ_ONLY_PATH,
                      dev.kindling.config.yaml.ConfigPath.of("runcmd", i),
                      "x"));
      located.add(f.position().orElseThrow() + " " + f.path());
    }
    assertThat(located).containsExactly("3:5 runcmd[0]", "6:5 runcmd[3]", "7:10 runcmd[0]");
  }

  @Test
  void locate_findingWithPosition_keepsItAndTakesTheDisplayPath() {
    BindResult r = bind("#cloud-config\nusers:\n  - x\n  - name: b\n    gecos: g\n");
    Finding f =
        r.sources()
            .locate(
                Finding.error(
                        Code.USER_NAME,
                        dev.kindling.config.yaml.ConfigPath.of("users", 0, "gecos"),
                        "x")
                    .at(new dev.kindling.config.yaml.Position(9, 9)));
    assertThat(f.position().orElseThrow().toString()).isEqualTo("9:9");
    assertThat(f.path().toString()).isEqualTo("users[1].gecos");
  }
}
