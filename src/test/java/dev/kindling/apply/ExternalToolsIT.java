package dev.kindling.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.apply.systemd.RecordingSystemdManager;
import dev.kindling.plan.Action;
import dev.kindling.plan.AuthorizeSshKeys;
import dev.kindling.plan.CreateUser;
import dev.kindling.plan.LoadKernelModule;
import dev.kindling.plan.Plan;
import dev.kindling.plan.WriteFile;
import dev.kindling.value.Bytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * useradd, chpasswd, update-ssh-keys and modprobe as stub scripts on a search path the test owns;
 * each records its argv and standard input. The real tools are never run.
 */
class ExternalToolsIT {
  static final String HASH = "$6$stubsalt$aGFzaGhhc2g";

  @TempDir Path tmp;
  private Path bin;
  private Path root;
  private Path calls;

  @BeforeEach
  void setUp() throws IOException {
    bin = Files.createDirectories(tmp.resolve("bin"));
    root = Files.createDirectories(tmp.resolve("root"));
    calls = tmp.resolve("calls.log");
    Files.writeString(
        Files.createDirectories(root.resolve("etc")).resolve("passwd"),
        "root:x:0:0:root:/root:/bin/bash\ncore:x:500:500::/home/core:/bin/bash\n");
    // Records "name arg1|arg2|..." and stdin; useradd also adds the user to the root's passwd,
    // as the real one would with --root.
    stub("useradd", "echo \"deploy:x:1001:1001::/home/deploy:/bin/sh\" >> \"$2/etc/passwd\"");
    stub("chpasswd", "");
    stub("update-ssh-keys", "");
    stub("modprobe", "");
  }

  private void stub(String name, String extra) throws IOException {
    Path script = bin.resolve(name);
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "args=\"$(basename \"$0\")\"\n"
            + "for a in \"$@\"; do args=\"$args|$a\"; done\n"
            + "echo \"$args\" >> '"
            + calls
            + "'\n"
            + "echo \"stdin:$(cat | tr '\\n' '^')\" >> '"
            + calls
            + "'\n"
            + extra
            + "\n",
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private ApplyResult apply(boolean hostTools, Action... actions) {
    RootFs fs = new RootFs(root, OwnerPolicy.RECORD);
    RecordingSystemdManager systemd = new RecordingSystemdManager();
    Applier applier =
        new Applier(
            fs,
            systemd,
            new SystemProcessRunner(List.of(bin)),
            Optional.empty(),
            new Applier.Settings(
                ApplyMode.APPLY,
                ApplyMode.RECORD,
                hostTools,
                Duration.ofSeconds(20),
                Duration.ofSeconds(20)));
    return applier.apply(new Plan(List.of(actions)));
  }

  private List<String> calls() throws IOException {
    return Files.readAllLines(calls);
  }

  @Test
  void createUser_thenItsKeys_useraddWithRootAndKeysUnderTheNewHome() throws IOException {
    ApplyResult r =
        apply(
            false,
            new CreateUser(
                "deploy", HASH, "", "", false, "", List.of("wheel"), false, false, false, ""),
            new AuthorizeSshKeys("deploy", "coreos-cloudinit", List.of("ssh-ed25519 AAAAd d@x")),
            new CreateUser("core", HASH, "", "", false, "", List.of(), false, false, false, ""));

    assertThat(r.steps()).allSatisfy(s -> assertThat(s.outcome().error()).isEmpty());
    assertThat(calls())
        .containsExactly(
            "useradd|--root|" + root + "|--password|*|--create-home|--groups|wheel|deploy",
            "stdin:",
            "chpasswd|-e|--root|" + root,
            "stdin:deploy:" + HASH + "^",
            "chpasswd|-e|--root|" + root,
            "stdin:core:" + HASH + "^");
    assertThat(root.resolve("home/deploy/.ssh/authorized_keys"))
        .hasContent("ssh-ed25519 AAAAd d@x");
  }

  @Test
  void authorizeSshKeys_hostTools_updateSshKeysGetsTheKeysOnStdin() throws IOException {
    ApplyResult r =
        apply(
            true,
            new AuthorizeSshKeys(
                "core", "my-name", List.of("ssh-rsa AAAA1 a", " ssh-rsa AAAA2 b ")));

    assertThat(r.steps().get(0).outcome().status()).isEqualTo(StepStatus.OK);
    assertThat(calls())
        .containsExactly(
            "update-ssh-keys|-u|core|-a|my-name", "stdin:ssh-rsa AAAA1 a^ssh-rsa AAAA2 b^");
    assertThat(root.resolve("home/core/.ssh")).doesNotExist();
  }

  @Test
  void loadKernelModule_hostTools_modprobeArgv() throws IOException {
    apply(true, new LoadKernelModule("bonding", List.of("mode=802.3ad", "miimon=100")));

    assertThat(calls()).containsExactly("modprobe|bonding|mode=802.3ad|miimon=100", "stdin:");
  }

  @Test
  void failingTool_stepFailsWithItsStatusAndOutput_laterStepsRun() throws IOException {
    Files.writeString(
        bin.resolve("useradd"),
        "#!/bin/sh\necho \"useradd: group 'nope' does not exist\"\nexit 6\n");

    ApplyResult r =
        apply(
            false,
            new CreateUser("x", "", "", "", false, "nope", List.of(), false, false, false, ""),
            new WriteFile("/etc/after", 0644, "", Bytes.utf8("still written"), false));

    assertThat(r.steps().get(0).outcome().error())
        .contains(
            "failed to create user x: useradd exited 6: useradd: group 'nope' does not exist");
    assertThat(r.steps().get(1).outcome().status()).isEqualTo(StepStatus.OK);
    assertThat(root.resolve("etc/after")).hasContent("still written");
  }

  @Test
  void failingChpasswd_outputNotShown() throws IOException {
    Files.writeString(bin.resolve("chpasswd"), "#!/bin/sh\ncat\nexit 1\n");

    ApplyResult r =
        apply(
            false,
            new CreateUser("core", HASH, "", "", false, "", List.of(), false, false, false, ""));

    assertThat(r.steps().get(0).outcome().error())
        .hasValue("failed to set the password of core: chpasswd exited 1");
  }

  @Test
  void missingTool_failsWithCommandNotFound() throws IOException {
    Files.delete(bin.resolve("useradd"));

    ApplyResult r =
        apply(
            false, new CreateUser("x", "", "", "", false, "", List.of(), false, false, false, ""));

    assertThat(r.steps().get(0).outcome().error().orElseThrow())
        .contains("useradd: command not found");
  }

  @Test
  void hangingTool_killedAtTheTimeout() throws IOException {
    Files.writeString(bin.resolve("modprobe"), "#!/bin/sh\nexec sleep 30\n");
    RootFs fs = new RootFs(root, OwnerPolicy.RECORD);
    Applier applier =
        new Applier(
            fs,
            new RecordingSystemdManager(),
            new SystemProcessRunner(List.of(bin)),
            Optional.empty(),
            new Applier.Settings(
                ApplyMode.APPLY,
                ApplyMode.RECORD,
                true,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1)));

    ApplyResult r = applier.apply(new Plan(List.of(new LoadKernelModule("dummy", List.of()))));

    assertThat(r.steps().get(0).outcome().error().orElseThrow())
        .contains("modprobe did not finish within 1 s");
  }

  @Test
  void createUser_withHash_theHashIsNeverOnACommandLine() throws IOException {
    // Each stub also records its own /proc/PID/cmdline, what any user on the host can read.
    for (String tool : List.of("useradd", "chpasswd")) {
      Path script = bin.resolve(tool);
      Files.writeString(
          script,
          Files.readString(script)
              + "tr '\\0' ' ' < /proc/$$/cmdline >> '"
              + calls
              + "'; echo >> '"
              + calls
              + "'\n");
    }

    ApplyResult r =
        apply(
            false,
            new CreateUser("deploy", HASH, "", "", false, "", List.of(), false, false, false, ""));

    assertThat(r.steps().get(0).outcome().status()).isEqualTo(StepStatus.OK);
    List<String> lines = calls();
    assertThat(lines.stream().filter(l -> !l.startsWith("stdin:")))
        .isNotEmpty()
        .noneMatch(l -> l.contains(HASH));
    assertThat(lines).contains("stdin:deploy:" + HASH + "^");
  }
}
