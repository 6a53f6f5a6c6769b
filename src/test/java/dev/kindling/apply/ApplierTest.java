package dev.kindling.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.apply.systemd.RecordingSystemdManager;
import dev.kindling.plan.Action;
import dev.kindling.plan.AuthorizeSshKeys;
import dev.kindling.plan.CreateUser;
import dev.kindling.plan.DaemonReload;
import dev.kindling.plan.EnableUnit;
import dev.kindling.plan.ImportSshKeys;
import dev.kindling.plan.LoadKernelModule;
import dev.kindling.plan.MaskUnit;
import dev.kindling.plan.MergeEnvironmentFile;
import dev.kindling.plan.MergeUpdateConf;
import dev.kindling.plan.PlaceDropIn;
import dev.kindling.plan.PlaceUnit;
import dev.kindling.plan.Plan;
import dev.kindling.plan.RejectedItem;
import dev.kindling.plan.RunCommand;
import dev.kindling.plan.RunScript;
import dev.kindling.plan.SetHostname;
import dev.kindling.plan.UnitCommand;
import dev.kindling.plan.UnmaskUnit;
import dev.kindling.plan.WriteEtcHosts;
import dev.kindling.plan.WriteFile;
import dev.kindling.value.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApplierTest {
  static final String PASSWD =
      "root:x:0:0:root:/root:/bin/bash\ncore:x:500:500:CoreOS Admin:/home/core:/bin/bash\n";
  static final String GROUP = "root:x:0:\ncore:x:500:\nwheel:x:10:core\n";
  static final String HASH = "$6$saltsalt$Qm9vYmFyYmF6cXV4";

  private JimfsRoot jimfs;
  private RecordingSystemdManager systemd;
  private RecordingProcessRunner runner;

  @BeforeEach
  void setUp() throws IOException {
    jimfs = new JimfsRoot();
    jimfs.write("/etc/passwd", PASSWD);
    jimfs.write("/etc/group", GROUP);
    systemd = new RecordingSystemdManager();
    runner = new RecordingProcessRunner();
  }

  @AfterEach
  void tearDown() throws IOException {
    jimfs.close();
  }

  /** One sample of every action type, in a plausible plan order. */
  static Map<Class<? extends Action>, Action> samples() {
    Map<Class<? extends Action>, Action> m = new LinkedHashMap<>();
    m.put(SetHostname.class, new SetHostname("node1"));
    m.put(
        AuthorizeSshKeys.class,
        new AuthorizeSshKeys(
            "core",
            "coreos-cloudinit",
            List.of("ssh-ed25519 AAAAC3Nz a@b", "ssh-rsa AAAAB3Nz c@d")));
    m.put(ImportSshKeys.class, new ImportSshKeys("core", "github-octo", "http://127.0.0.1:9/k"));
    m.put(
        CreateUser.class,
        new CreateUser(
            "deploy", HASH, "Deploy", "", false, "", List.of("wheel"), false, false, false, ""));
    m.put(WriteFile.class, new WriteFile("/etc/motd", 0640, "", Bytes.utf8("hello\n"), false));
    m.put(
        MergeEnvironmentFile.class,
        new MergeEnvironmentFile("/etc/environment", Map.of("COREOS_PRIVATE_IPV4", "10.0.0.5")));
    m.put(
        MergeUpdateConf.class,
        new MergeUpdateConf(
            "/etc/coreos/update.conf",
            "/usr/share/coreos/update.conf",
            Map.of("REBOOT_STRATEGY", "off")));
    m.put(WriteEtcHosts.class, new WriteEtcHosts("/etc/hosts", ""));
    m.put(
        PlaceUnit.class,
        new PlaceUnit(
            "b.service", "/etc/systemd/system/b.service", "[Service]\nExecStart=/bin/true\n"));
    m.put(
        PlaceDropIn.class,
        new PlaceDropIn(
            "etcd2.service",
            "20-cloudinit.conf",
            "/run/systemd/system/etcd2.service.d/20-cloudinit.conf",
            "[Service]\nEnvironment=\"ETCD_NAME=n1\"\n"));
    m.put(MaskUnit.class, new MaskUnit("m.service", "/etc/systemd/system/m.service"));
    m.put(UnmaskUnit.class, new UnmaskUnit("etcd2.service", "/run/systemd/system/etcd2.service"));
    m.put(EnableUnit.class, new EnableUnit("b.service", false));
    m.put(DaemonReload.class, new DaemonReload());
    m.put(LoadKernelModule.class, new LoadKernelModule("bonding", List.of("mode=802.3ad")));
    m.put(UnitCommand.class, new UnitCommand("start", "b.service"));
    m.put(
        RunScript.class,
        new RunScript(
            "/var/lib/coreos-cloudinit/scripts/4242",
            "coreos-cloudinit-4242.service",
            Bytes.utf8("#!/bin/sh\necho hi\n")));
    m.put(
        RunCommand.class,
        new RunCommand("runcmd", 0, "echo hi", "kindling-runcmd-0-abc.service", true));
    m.put(RejectedItem.class, new RejectedItem("write_files[2] /etc/x", "does not decode"));
    return m;
  }

  private Applier applier(OwnerPolicy owners) {
    RootFs fs = new RootFs(jimfs.root, owners);
    return new Applier(
        fs,
        systemd,
        runner,
        Optional.of(url -> List.of("ssh-ed25519 AAAAimported octo@gh")),
        Applier.Settings.of(fs, ApplyMode.RECORD, ApplyMode.RECORD));
  }

  private ApplyResult apply(Action... actions) {
    return applier(OwnerPolicy.RECORD).apply(new Plan(List.of(actions)));
  }

  private static StepStatus status(ApplyResult r, int i) {
    return r.steps().get(i).outcome().status();
  }

  @Test
  void handlers_oneForEveryPermittedAction() {
    Set<Class<?>> handled = Set.copyOf(applier(OwnerPolicy.RECORD).handledTypes());
    assertThat(handled).isEqualTo(Set.of(Action.class.getPermittedSubclasses()));
  }

  @Test
  void apply_oneSampleOfEveryPermittedAction_noneUnhandled() {
    Map<Class<? extends Action>, Action> samples = samples();
    Set<Class<?>> permitted = Set.copyOf(Arrays.asList(Action.class.getPermittedSubclasses()));
    assertThat(new java.util.HashSet<Class<?>>(samples.keySet())).isEqualTo(permitted);

    ApplyResult result = applier(OwnerPolicy.RECORD).apply(new Plan(List.copyOf(samples.values())));

    assertThat(result.steps()).hasSize(permitted.size());
    Map<String, String> statuses =
        result.steps().stream()
            .collect(
                Collectors.toMap(
                    s -> s.action().type(),
                    s ->
                        s.outcome().status().label()
                            + s.outcome().error().map(e -> " " + e).orElse(""),
                    (a, b) -> a,
                    LinkedHashMap::new));
    assertThat(statuses)
        .containsEntry("rejected", "rejected not applied: write_files[2] /etc/x: does not decode")
        .containsEntry("set-hostname", "ok")
        .containsEntry("write-file", "ok")
        .containsEntry("create-user", "recorded")
        .containsEntry("unit-command", "recorded")
        .containsEntry("run-script", "recorded")
        .containsEntry("load-kernel-module", "recorded");
    assertThat(result.steps().stream().filter(s -> s.outcome().status() == StepStatus.FAILED))
        .isEmpty();
  }

  @Test
  void apply_twice_secondRunChangesNoFile() throws IOException {
    Plan plan = new Plan(List.copyOf(samples().values()));
    applier(OwnerPolicy.RECORD).apply(plan);
    List<String> tree = jimfs.tree();

    ApplyResult second = applier(OwnerPolicy.RECORD).apply(plan);

    assertThat(jimfs.tree()).isEqualTo(tree);
    for (ApplyResult.Step s : second.steps()) {
      String type = s.action().type();
      if (FileActionTypes.ALL.contains(type)) {
        assertThat(s.outcome().status()).as(type).isEqualTo(StepStatus.UNCHANGED);
      }
    }
    assertThat(jimfs.read("/home/core/.ssh/authorized_keys"))
        .isEqualTo(
            "ssh-ed25519 AAAAC3Nz a@b\nssh-rsa AAAAB3Nz c@d\nssh-ed25519 AAAAimported octo@gh\n");
  }

  @Test
  void writeFile_newFile_contentModeAndParents() throws IOException {
    ApplyResult r =
        apply(new WriteFile("/opt/a/b/tool.sh", 0750, "", Bytes.utf8("#!/bin/sh\n"), false));

    assertThat(status(r, 0)).isEqualTo(StepStatus.OK);
    assertThat(jimfs.read("/opt/a/b/tool.sh")).isEqualTo("#!/bin/sh\n");
    assertThat(jimfs.mode("/opt/a/b/tool.sh")).isEqualTo("rwxr-x---");
    assertThat(jimfs.mode("/opt/a")).isEqualTo("rwxr-xr-x");
    assertThat(jimfs.mode("/opt/a/b")).isEqualTo("rwxr-xr-x");
  }

  @Test
  void writeFile_modeChangedOnly_rewritten() throws IOException {
    apply(new WriteFile("/etc/x", 0644, "", Bytes.utf8("x"), false));
    ApplyResult r = apply(new WriteFile("/etc/x", 0600, "", Bytes.utf8("x"), false));

    assertThat(status(r, 0)).isEqualTo(StepStatus.OK);
    assertThat(jimfs.mode("/etc/x")).isEqualTo("rw-------");
  }

  @Test
  void writeFile_ownerWithRecordPolicy_notedNotSet() throws IOException {
    ApplyResult r = apply(new WriteFile("/etc/x", 0644, "core:core", Bytes.utf8("x"), false));

    assertThat(r.steps().get(0).outcome().notes()).contains("owner core:core recorded, not set");
    assertThat(Files.getOwner(jimfs.path("/etc/x")).getName()).isNotEqualTo("500");
  }

  @Test
  void writeFile_ownerWithSetPolicy_numericIdsFromTheRootsPasswd() throws IOException {
    ApplyResult r =
        applier(OwnerPolicy.SET)
            .apply(
                new Plan(
                    List.of(
                        new WriteFile("/etc/x", 0644, "core:wheel", Bytes.utf8("x"), false),
                        new WriteFile("/etc/y", 0644, "core:", Bytes.utf8("y"), false),
                        new WriteFile("/etc/z", 0644, "nobody", Bytes.utf8("z"), false))));

    assertThat(status(r, 0)).isEqualTo(StepStatus.OK);
    assertThat(Files.getOwner(jimfs.path("/etc/x")).getName()).isEqualTo("500");
    assertThat(Files.getAttribute(jimfs.path("/etc/x"), "posix:group").toString()).isEqualTo("10");
    assertThat(Files.getAttribute(jimfs.path("/etc/y"), "posix:group").toString()).isEqualTo("500");
    assertThat(status(r, 2)).isEqualTo(StepStatus.FAILED);
    assertThat(r.steps().get(2).outcome().error().orElseThrow())
        .contains("unknown user \"nobody\" in /etc/passwd of the root");
    assertThat(jimfs.path("/etc/z")).doesNotExist();
  }

  @Test
  void writeFile_sameOwnerAgain_unchanged() {
    Plan plan = new Plan(List.of(new WriteFile("/etc/x", 0644, "500:500", Bytes.utf8("x"), false)));
    applier(OwnerPolicy.SET).apply(plan);

    assertThat(status(applier(OwnerPolicy.SET).apply(plan), 0)).isEqualTo(StepStatus.UNCHANGED);
  }

  @Test
  void writeFile_twoAppendsToOneFile_runTwiceEqualsRunOnce() throws IOException {
    jimfs.write("/etc/sysctl.conf", "a=1\n");
    WriteFile one = new WriteFile("/etc/sysctl.conf", 0644, "", Bytes.utf8("one\n"), true);
    WriteFile two = new WriteFile("/etc/sysctl.conf", 0644, "", Bytes.utf8("two\n"), true);

    apply(one, two);
    ApplyResult second = apply(one, two);
    apply(one, two);

    assertThat(jimfs.read("/etc/sysctl.conf")).isEqualTo("a=1\none\ntwo\n");
    assertThat(status(second, 0)).isEqualTo(StepStatus.UNCHANGED);
    assertThat(status(second, 1)).isEqualTo(StepStatus.UNCHANGED);
  }

  @Test
  void writeFile_appendsAfterAStopBetweenThem_rerunCompletesThemOnce() throws IOException {
    jimfs.write("/etc/sysctl.conf", "a=1\n");
    WriteFile one = new WriteFile("/etc/sysctl.conf", 0644, "", Bytes.utf8("x\n"), true);
    WriteFile two = new WriteFile("/etc/sysctl.conf", 0644, "", Bytes.utf8("x\n"), true);
    WriteFile three = new WriteFile("/etc/sysctl.conf", 0644, "", Bytes.utf8("y\n"), true);

    // The first run stops after the first append (kill -9 between two steps).
    applier(OwnerPolicy.RECORD).apply(new Plan(List.of(one)));
    apply(one, two, three);
    apply(one, two, three);

    assertThat(jimfs.read("/etc/sysctl.conf")).isEqualTo("a=1\nx\nx\ny\n");
  }

  @Test
  void writeFile_tempFilesOfAKilledRun_anyNameInTheDirectory_areRemovedByTheFirstWrite()
      throws IOException {
    jimfs.write("/etc/.motd.kindling-1f2e3d4c5b6a7980", "half");
    jimfs.write("/etc/.other.kindling-abc", "another file's, which this run no longer writes");
    jimfs.write("/etc/.motd.kindling-notatemp", "kept");
    jimfs.write("/etc/other.kindling-abc", "kept: no leading dot");
    jimfs.write("/etc/.x.kindling-ABC", "kept: not lower-case hex");
    jimfs.write("/opt/.y.kindling-abc", "kept: nothing is written in /opt");

    apply(new WriteFile("/etc/motd", 0644, "", Bytes.utf8("hello\n"), false));

    assertThat(Files.exists(jimfs.path("/etc/.motd.kindling-1f2e3d4c5b6a7980"))).isFalse();
    assertThat(Files.exists(jimfs.path("/etc/.other.kindling-abc"))).isFalse();
    assertThat(jimfs.read("/etc/.motd.kindling-notatemp")).isEqualTo("kept");
    assertThat(jimfs.read("/etc/other.kindling-abc")).startsWith("kept");
    assertThat(jimfs.read("/etc/.x.kindling-ABC")).startsWith("kept");
    assertThat(jimfs.read("/opt/.y.kindling-abc")).startsWith("kept");
    assertThat(jimfs.read("/etc/motd")).isEqualTo("hello\n");
  }

  @Test
  void writeFile_unchanged_stillRemovesTempFilesOfAKilledRunInItsDirectory() throws IOException {
    jimfs.write("/etc/motd", "hello\n");
    Files.setPosixFilePermissions(
        jimfs.path("/etc/motd"),
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    jimfs.write("/etc/.gone.kindling-0123abcd", "half");

    ApplyResult result = apply(new WriteFile("/etc/motd", 0644, "", Bytes.utf8("hello\n"), false));

    assertThat(status(result, 0)).isEqualTo(StepStatus.UNCHANGED);
    assertThat(Files.exists(jimfs.path("/etc/.gone.kindling-0123abcd"))).isFalse();
  }

  @Test
  void writeFile_append_addsOnceThenUnchanged() throws IOException {
    jimfs.write("/etc/sysctl.conf", "a=1\n");
    WriteFile append = new WriteFile("/etc/sysctl.conf", 0644, "", Bytes.utf8("b=2\n"), true);

    assertThat(status(apply(append), 0)).isEqualTo(StepStatus.OK);
    assertThat(status(apply(append), 0)).isEqualTo(StepStatus.UNCHANGED);
    assertThat(jimfs.read("/etc/sysctl.conf")).isEqualTo("a=1\nb=2\n");
  }

  @Test
  void writeFile_existingFile_replacedByANewFileNotTruncated() throws IOException {
    jimfs.write("/etc/x", "old content");
    Object before = Files.getAttribute(jimfs.path("/etc/x"), "basic:fileKey");

    apply(new WriteFile("/etc/x", 0644, "", Bytes.utf8("new"), false));

    assertThat(jimfs.read("/etc/x")).isEqualTo("new");
    assertThat(Files.getAttribute(jimfs.path("/etc/x"), "basic:fileKey")).isNotEqualTo(before);
    try (var list = Files.list(jimfs.path("/etc"))) {
      assertThat(list.map(p -> p.getFileName().toString())).doesNotContain(".x.kindling");
    }
  }

  @Test
  void writeFile_targetIsADirectory_failsAndLaterStepsRun() throws IOException {
    Files.createDirectories(jimfs.path("/etc/d"));

    ApplyResult r =
        apply(
            new WriteFile("/etc/d", 0644, "", Bytes.utf8("x"), false),
            new WriteFile("/etc/e", 0644, "", Bytes.utf8("e"), false));

    assertThat(status(r, 0)).isEqualTo(StepStatus.FAILED);
    assertThat(r.steps().get(0).outcome().error().orElseThrow())
        .startsWith("failed to write /etc/d")
        .contains("/etc/d is a directory");
    assertThat(status(r, 1)).isEqualTo(StepStatus.OK);
  }

  @Test
  void writeFile_parentIsAFile_failsWithNotADirectory() throws IOException {
    jimfs.write("/etc/f", "file");

    ApplyResult r = apply(new WriteFile("/etc/f/x", 0644, "", Bytes.utf8("x"), false));

    assertThat(r.steps().get(0).outcome().error().orElseThrow())
        .contains("/etc/f is not a directory");
  }

  @Test
  void writeFile_absoluteSymlinkedDirectory_followedInsideTheRoot() throws IOException {
    Files.createDirectories(jimfs.path("/etc/flatcar"));
    Files.createSymbolicLink(jimfs.path("/etc/coreos"), jimfs.fs.getPath("/etc/flatcar"));

    apply(new WriteFile("/etc/coreos/update.conf", 0644, "", Bytes.utf8("GROUP=a\n"), false));

    assertThat(jimfs.read("/etc/flatcar/update.conf")).isEqualTo("GROUP=a\n");
    assertThat(jimfs.fs.getPath("/etc/flatcar/update.conf")).doesNotExist();
  }

  @Test
  void writeFile_symlinkClimbingOutOfTheRoot_refused() throws IOException {
    Files.createDirectories(jimfs.fs.getPath("/outside"));
    Files.createDirectories(jimfs.path("/etc"));
    Files.createSymbolicLink(jimfs.path("/etc/evil"), jimfs.fs.getPath("../../outside"));

    ApplyResult r = apply(new WriteFile("/etc/evil/x", 0644, "", Bytes.utf8("x"), false));

    assertThat(status(r, 0)).isEqualTo(StepStatus.FAILED);
    assertThat(r.steps().get(0).outcome().error().orElseThrow()).contains("outside the root");
    assertThat(jimfs.fs.getPath("/outside/x")).doesNotExist();
  }

  @Test
  void writeFile_lastComponentSymlink_replacedNotFollowed() throws IOException {
    jimfs.write("/etc/real", "keep");
    Files.createSymbolicLink(jimfs.path("/etc/link"), jimfs.fs.getPath("real"));

    apply(new WriteFile("/etc/link", 0644, "", Bytes.utf8("new"), false));

    assertThat(Files.isSymbolicLink(jimfs.path("/etc/link"))).isFalse();
    assertThat(jimfs.read("/etc/link")).isEqualTo("new");
    assertThat(jimfs.read("/etc/real")).isEqualTo("keep");
  }

  @Test
  void writeFile_dotDotInPath_refused() {
    ApplyResult r = apply(new WriteFile("/etc/../x", 0644, "", Bytes.utf8("x"), false));

    assertThat(r.steps().get(0).outcome().error().orElseThrow()).contains("contains \"..\"");
  }

  @Test
  void mergeEnvironment_existingLinesKept_writtenOnlyWhenChanged() throws IOException {
    jimfs.write("/etc/environment", "PATH=/bin\nCOREOS_PRIVATE_IPV4=1.1.1.1\n");
    MergeEnvironmentFile m =
        new MergeEnvironmentFile(
            "/etc/environment",
            Map.of("COREOS_PRIVATE_IPV4", "10.0.0.5", "COREOS_PUBLIC_IPV4", "203.0.113.7"));

    assertThat(status(apply(m), 0)).isEqualTo(StepStatus.OK);
    assertThat(jimfs.read("/etc/environment"))
        .isEqualTo("PATH=/bin\nCOREOS_PRIVATE_IPV4=10.0.0.5\nCOREOS_PUBLIC_IPV4=203.0.113.7\n");
    assertThat(status(apply(m), 0)).isEqualTo(StepStatus.UNCHANGED);
  }

  @Test
  void mergeUpdateConf_baseFromUsrShareOfTheRoot() throws IOException {
    jimfs.write("/usr/share/coreos/update.conf", "GROUP=stable\nSERVER=https://u\n");
    MergeUpdateConf m =
        new MergeUpdateConf(
            "/etc/coreos/update.conf",
            "/usr/share/coreos/update.conf",
            Map.of("GROUP", "beta", "REBOOT_STRATEGY", "off"));

    assertThat(status(apply(m), 0)).isEqualTo(StepStatus.OK);
    assertThat(jimfs.read("/etc/coreos/update.conf"))
        .isEqualTo("GROUP=beta\nSERVER=https://u\nREBOOT_STRATEGY=off\n");
    assertThat(status(apply(m), 0)).isEqualTo(StepStatus.UNCHANGED);
  }

  @Test
  void mergeUpdateConf_neitherFile_emptyBase() throws IOException {
    apply(
        new MergeUpdateConf(
            "/etc/coreos/update.conf",
            "/usr/share/coreos/update.conf",
            Map.of("SERVER", "https://s")));

    assertThat(jimfs.read("/etc/coreos/update.conf")).isEqualTo("SERVER=https://s\n");
  }

  @Test
  void writeEtcHosts_noPlannedHostname_usesTheHostnameSetEarlier() throws IOException {
    apply(new SetHostname("node7"), new WriteEtcHosts("/etc/hosts", ""));

    assertThat(jimfs.read("/etc/hosts")).isEqualTo("127.0.0.1 node7\n");
    assertThat(jimfs.read("/etc/hostname")).isEqualTo("node7\n");
    assertThat(systemd.calls()).containsExactly("set-hostname node7");
  }

  @Test
  void writeEtcHosts_noHostnameAnywhere_localhostWithANote() throws IOException {
    ApplyResult r = apply(new WriteEtcHosts("/etc/hosts", ""));

    assertThat(jimfs.read("/etc/hosts")).isEqualTo("127.0.0.1 localhost\n");
    assertThat(r.steps().get(0).outcome().notes())
        .containsExactly("no hostname set or found under the root; used localhost");
  }

  @Test
  void writeEtcHosts_noPlannedHostname_theRootsEtcHostname() throws IOException {
    jimfs.write("/etc/hostname", "from-root\n");

    apply(new WriteEtcHosts("/etc/hosts", ""));

    assertThat(jimfs.read("/etc/hosts")).isEqualTo("127.0.0.1 from-root\n");
  }

  @Test
  void unmaskThenMaskOfTheSamePath_secondRunChangesNothing() throws IOException {
    Plan plan =
        new Plan(
            List.of(
                new UnmaskUnit("locksmithd.service", "/run/systemd/system/locksmithd.service"),
                new MaskUnit("locksmithd.service", "/run/systemd/system/locksmithd.service"),
                new DaemonReload()));
    applier(OwnerPolicy.RECORD).apply(plan);

    ApplyResult second = applier(OwnerPolicy.RECORD).apply(plan);

    assertThat(second.steps())
        .extracting(s -> s.outcome().status())
        .containsOnly(StepStatus.UNCHANGED);
    assertThat(second.steps().get(0).outcome().notes())
        .containsExactly("left in place: masked again later in this plan");
    assertThat(Files.readSymbolicLink(jimfs.path("/run/systemd/system/locksmithd.service")))
        .hasToString("/dev/null");
    assertThat(systemd.calls()).containsExactly("reload");
  }

  @Test
  void maskUnit_replacesExistingFile_thenUnchanged() throws IOException {
    jimfs.write("/etc/systemd/system/m.service", "[Service]\n");
    MaskUnit mask = new MaskUnit("m.service", "/etc/systemd/system/m.service");

    assertThat(status(apply(mask), 0)).isEqualTo(StepStatus.OK);
    assertThat(Files.readSymbolicLink(jimfs.path("/etc/systemd/system/m.service")).toString())
        .isEqualTo("/dev/null");
    assertThat(status(apply(mask), 0)).isEqualTo(StepStatus.UNCHANGED);
  }

  @Test
  void unmaskUnit_removesNullLinkAndEmptyFile_keepsNonEmptyFile() throws IOException {
    Files.createDirectories(jimfs.path("/run/systemd/system"));
    Files.createSymbolicLink(
        jimfs.path("/run/systemd/system/a.service"), jimfs.fs.getPath("/dev/null"));
    jimfs.write("/run/systemd/system/b.service", "");
    jimfs.write("/run/systemd/system/c.service", "[Unit]\n");

    ApplyResult r =
        apply(
            new UnmaskUnit("a.service", "/run/systemd/system/a.service"),
            new UnmaskUnit("b.service", "/run/systemd/system/b.service"),
            new UnmaskUnit("c.service", "/run/systemd/system/c.service"),
            new UnmaskUnit("d.service", "/run/systemd/system/d.service"));

    assertThat(r.steps())
        .extracting(s -> s.outcome().status())
        .containsExactly(StepStatus.OK, StepStatus.OK, StepStatus.UNCHANGED, StepStatus.UNCHANGED);
    assertThat(jimfs.path("/run/systemd/system/a.service")).doesNotExist();
    assertThat(jimfs.path("/run/systemd/system/b.service")).doesNotExist();
    assertThat(jimfs.read("/run/systemd/system/c.service")).isEqualTo("[Unit]\n");
  }

  @Test
  void daemonReload_noUnitFileChanged_skippedAndSaysSo() {
    PlaceUnit unit = new PlaceUnit("b.service", "/etc/systemd/system/b.service", "[Unit]\n");
    apply(unit, new DaemonReload());
    assertThat(systemd.calls()).containsExactly("reload");

    ApplyResult second = apply(unit, new DaemonReload());

    assertThat(status(second, 1)).isEqualTo(StepStatus.UNCHANGED);
    assertThat(second.steps().get(1).outcome().notes())
        .containsExactly("skipped: no unit file changed in this run");
    assertThat(systemd.calls()).containsExactly("reload");
  }

  @Test
  void unitCommand_jobNotDone_failedAndTheRestRuns() {
    ScriptedSystemdManager scripted = new ScriptedSystemdManager();
    scripted.jobResults.put("bad.service", "failed");
    RootFs fs = new RootFs(jimfs.root, OwnerPolicy.RECORD);
    Applier applier =
        new Applier(
            fs,
            scripted,
            runner,
            Optional.empty(),
            Applier.Settings.of(fs, ApplyMode.RECORD, ApplyMode.APPLY));

    ApplyResult r =
        applier.apply(
            new Plan(
                List.of(
                    new UnitCommand("start", "bad.service"),
                    new UnitCommand("restart", "good.service"))));

    assertThat(r.steps().get(0).outcome().error())
        .contains("failed to start bad.service: the job ended \"failed\"");
    assertThat(status(r, 1)).isEqualTo(StepStatus.OK);
    assertThat(scripted.calls).containsExactly("start bad.service", "restart good.service");
  }

  @Test
  void runScript_writtenExecutableAndRunAsItself_exitStatusReported() throws IOException {
    ScriptedSystemdManager scripted = new ScriptedSystemdManager();
    scripted.scriptStatus = 3;
    RootFs fs = new RootFs(jimfs.root, OwnerPolicy.RECORD);
    Applier applier =
        new Applier(
            fs,
            scripted,
            runner,
            Optional.empty(),
            Applier.Settings.of(fs, ApplyMode.RECORD, ApplyMode.APPLY));

    ApplyResult r =
        applier.apply(
            new Plan(
                List.of(
                    new RunScript(
                        "/var/lib/coreos-cloudinit/scripts/77",
                        "coreos-cloudinit-77.service",
                        Bytes.utf8("#!/bin/sh\nexit 3\n")))));

    StepOutcome o = r.steps().get(0).outcome();
    assertThat(o.status()).isEqualTo(StepStatus.FAILED);
    assertThat(o.exitStatus()).hasValue(3);
    assertThat(o.error()).contains("script coreos-cloudinit-77.service exited with status 3");
    assertThat(jimfs.mode("/var/lib/coreos-cloudinit/scripts/77")).isEqualTo("rwx------");
    assertThat(scripted.calls)
        .containsExactly(
            "run-transient-unit coreos-cloudinit-77.service /target/var/lib/coreos-cloudinit/scripts/77");
  }

  private Applier commandApplier(ScriptedSystemdManager scripted, InstanceRecord record) {
    RootFs fs = new RootFs(jimfs.root, OwnerPolicy.RECORD);
    return new Applier(
        fs,
        scripted,
        runner,
        Optional.empty(),
        Applier.Settings.of(fs, ApplyMode.RECORD, ApplyMode.APPLY),
        record);
  }

  @Test
  void runCommand_failingCommand_failsWithItsStatusAndTheNextStillRuns() throws IOException {
    ScriptedSystemdManager scripted = new ScriptedSystemdManager();
    scripted.scriptStatus = 4;
    RootFs fs = new RootFs(jimfs.root, OwnerPolicy.RECORD);
    Applier applier = commandApplier(scripted, InstanceRecord.load(fs, "i-1"));

    ApplyResult r =
        applier.apply(
            new Plan(
                List.of(
                    new RunCommand("bootcmd", 0, "false", "kindling-bootcmd-0-a.service", false),
                    new RunCommand(
                        "bootcmd",
                        1,
                        "'touch' '/run/x y'",
                        "kindling-bootcmd-1-b.service",
                        false))));

    assertThat(status(r, 0)).isEqualTo(StepStatus.FAILED);
    assertThat(r.steps().get(0).outcome().exitStatus()).hasValue(4);
    assertThat(r.steps().get(0).outcome().error())
        .contains("bootcmd[0] kindling-bootcmd-0-a.service exited with status 4");
    assertThat(status(r, 1)).isEqualTo(StepStatus.FAILED);
    assertThat(scripted.calls)
        .containsExactly(
            "run-transient-unit kindling-bootcmd-0-a.service /bin/sh -c false",
            "run-transient-unit kindling-bootcmd-1-b.service /bin/sh -c 'touch' '/run/x y'");
    assertThat(Files.exists(jimfs.path(InstanceRecord.file("i-1")))).isFalse();
  }

  @Test
  void runCommand_oncePerInstance_skippedOnTheNextBootOfTheSameInstanceOnly() throws IOException {
    ScriptedSystemdManager scripted = new ScriptedSystemdManager();
    RootFs fs = new RootFs(jimfs.root, OwnerPolicy.RECORD);
    RunCommand runcmd =
        new RunCommand("runcmd", 0, "echo once", "kindling-runcmd-0-c.service", true);
    RunCommand bootcmd =
        new RunCommand("bootcmd", 0, "echo boot", "kindling-bootcmd-0-d.service", false);
    Plan plan = new Plan(List.of(bootcmd, runcmd));

    ApplyResult first = commandApplier(scripted, InstanceRecord.load(fs, "i-1")).apply(plan);
    ApplyResult second = commandApplier(scripted, InstanceRecord.load(fs, "i-1")).apply(plan);
    ApplyResult other = commandApplier(scripted, InstanceRecord.load(fs, "i-2")).apply(plan);

    assertThat(status(first, 1)).isEqualTo(StepStatus.OK);
    assertThat(status(second, 0)).isEqualTo(StepStatus.OK);
    assertThat(status(second, 1)).isEqualTo(StepStatus.UNCHANGED);
    assertThat(second.steps().get(1).outcome().notes()).contains("ran already for instance i-1");
    assertThat(status(other, 1)).isEqualTo(StepStatus.OK);
    assertThat(scripted.calls.stream().filter(c -> c.contains("runcmd")).count()).isEqualTo(2);
    assertThat(scripted.calls.stream().filter(c -> c.contains("bootcmd")).count()).isEqualTo(3);
    assertThat(jimfs.read(InstanceRecord.file("i-1"))).isEqualTo(runcmd.onceKey() + "\n");
    assertThat(jimfs.read(InstanceRecord.file("i-1"))).doesNotContain("echo once");
    assertThat(jimfs.mode(InstanceRecord.file("i-1"))).isEqualTo("rw-------");
  }

  @Test
  void runCommand_systemdRecorded_notRunAndNotNoted() throws IOException {
    RootFs fs = new RootFs(jimfs.root, OwnerPolicy.RECORD);
    RunCommand runcmd =
        new RunCommand("runcmd", 0, "echo secret-ish", "kindling-runcmd-0-e.service", true);
    Applier applier =
        new Applier(
            fs,
            systemd,
            runner,
            Optional.empty(),
            Applier.Settings.of(fs, ApplyMode.RECORD, ApplyMode.RECORD),
            InstanceRecord.load(fs, "i-1"));

    ApplyResult r = applier.apply(new Plan(List.of(runcmd)));

    assertThat(status(r, 0)).isEqualTo(StepStatus.RECORDED);
    assertThat(systemd.calls())
        .containsExactly(
            "run-transient-unit kindling-runcmd-0-e.service /bin/sh (2 arguments not recorded)");
    assertThat(Files.exists(jimfs.path(InstanceRecord.file("i-1")))).isFalse();
  }

  @Test
  void writeFile_append_oncePerInstanceEvenAfterTheFileChanged() throws IOException {
    RootFs fs = new RootFs(jimfs.root, OwnerPolicy.RECORD);
    jimfs.write("/etc/sysctl.conf", "a=1\n");
    WriteFile append = new WriteFile("/etc/sysctl.conf", 0644, "", Bytes.utf8("b=2\n"), true);
    Plan plan = new Plan(List.of(append));

    commandApplier(new ScriptedSystemdManager(), InstanceRecord.load(fs, "i-1")).apply(plan);
    jimfs.write("/etc/sysctl.conf", "a=1\nb=2\nc=3\n");
    ApplyResult again =
        commandApplier(new ScriptedSystemdManager(), InstanceRecord.load(fs, "i-1")).apply(plan);
    ApplyResult newInstance =
        commandApplier(new ScriptedSystemdManager(), InstanceRecord.load(fs, "i-2")).apply(plan);

    assertThat(status(again, 0)).isEqualTo(StepStatus.UNCHANGED);
    assertThat(status(newInstance, 0)).isEqualTo(StepStatus.OK);
    assertThat(jimfs.read("/etc/sysctl.conf")).isEqualTo("a=1\nb=2\nc=3\nb=2\n");
  }

  @Test
  void runScript_oncePerInstance_secondBootOfTheSameInstanceSkipsIt() throws IOException {
    ScriptedSystemdManager scripted = new ScriptedSystemdManager();
    RootFs fs = new RootFs(jimfs.root, OwnerPolicy.RECORD);
    RunScript once =
        new RunScript(
            "/var/lib/coreos-cloudinit/scripts/88",
            "coreos-cloudinit-88.service",
            Bytes.utf8("#!/bin/sh\necho once\n"),
            true);

    ApplyResult first =
        commandApplier(scripted, InstanceRecord.load(fs, "i-1")).apply(new Plan(List.of(once)));
    ApplyResult second =
        commandApplier(scripted, InstanceRecord.load(fs, "i-1")).apply(new Plan(List.of(once)));

    assertThat(status(first, 0)).isEqualTo(StepStatus.OK);
    assertThat(status(second, 0)).isEqualTo(StepStatus.UNCHANGED);
    assertThat(scripted.calls).hasSize(1);
    assertThat(once.describe()).endsWith("(once per instance)");
  }

  @Test
  void instanceRecord_unsafeId_refused() {
    RootFs fs = new RootFs(jimfs.root, OwnerPolicy.RECORD);
    assertThat(InstanceRecord.isSafeId("i-0abc.1_x")).isTrue();
    for (String bad : List.of("", "..", "a/b", "a\nb", "x".repeat(129))) {
      assertThat(InstanceRecord.isSafeId(bad)).as(bad).isFalse();
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> InstanceRecord.load(fs, "../x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void createUser_newUser_useraddArgvOfTheReference() {
    ApplyResult r =
        apply(
            new CreateUser(
                "deploy",
                "",
                "Deploy Bot",
                "/srv/deploy",
                true,
                "staff",
                List.of("wheel", "docker"),
                true,
                true,
                true,
                "/bin/zsh"));

    assertThat(status(r, 0)).isEqualTo(StepStatus.RECORDED);
    assertThat(runner.commands())
        .containsExactly(
            List.of(
                "useradd",
                "--root",
                "/target",
                "--password",
                "*",
                "--comment",
                "Deploy Bot",
                "--home-dir",
                "/srv/deploy",
                "--no-create-home",
                "--gid",
                "staff",
                "--groups",
                "wheel,docker",
                "--no-user-group",
                "--system",
                "--no-log-init",
                "--shell",
                "/bin/zsh",
                "deploy"));
  }

  @Test
  void createUser_existingUserWithHash_chpasswdOnlyUnlessTheShadowHasIt() throws IOException {
    CreateUser core =
        new CreateUser("core", HASH, "", "", false, "", List.of(), false, false, false, "");

    apply(core);
    assertThat(runner.commands()).containsExactly(List.of("chpasswd", "-e", "--root", "/target"));

    jimfs.write("/etc/shadow", "core:" + HASH + ":19000:0:99999:7:::\n");
    ApplyResult again = apply(core);
    assertThat(status(again, 0)).isEqualTo(StepStatus.UNCHANGED);
    assertThat(runner.commands()).hasSize(1);
  }

  @Test
  void authorizeSshKeys_recordedUserInRender_keysUnderThePlannedHome() throws IOException {
    apply(
        new CreateUser("deploy", "", "", "", false, "", List.of(), false, false, false, ""),
        new AuthorizeSshKeys("deploy", "coreos-cloudinit", List.of("ssh-ed25519 AAAAx d@x")));

    assertThat(jimfs.read("/home/deploy/.ssh/authorized_keys"))
        .isEqualTo("ssh-ed25519 AAAAx d@x\n");
    assertThat(jimfs.mode("/home/deploy")).isEqualTo("rwx------");
    assertThat(jimfs.mode("/home/deploy/.ssh")).isEqualTo("rwx------");
    assertThat(jimfs.mode("/home/deploy/.ssh/authorized_keys.d/coreos-cloudinit"))
        .isEqualTo("rw-------");
  }

  @Test
  void authorizeSshKeys_unknownUserInRun_fails() {
    RootFs fs = new RootFs(jimfs.root, OwnerPolicy.RECORD);
    Applier applier =
        new Applier(
            fs,
            systemd,
            new FakeProcessRunner(),
            Optional.empty(),
            Applier.Settings.of(fs, ApplyMode.APPLY, ApplyMode.RECORD));

    ApplyResult r =
        applier.apply(new Plan(List.of(new AuthorizeSshKeys("ghost", "k", List.of("ssh-rsa A")))));

    assertThat(r.steps().get(0).outcome().error())
        .contains(
            "failed to authorize SSH keys for ghost: no such user in /etc/passwd of the root;"
                + " create the user first (users: in the cloud-config), or for a trial root copy"
                + " samples/root into it, which has core");
  }

  @Test
  void authorizeSshKeys_unknownUserInRender_assumedHomeWithANote() throws IOException {
    ApplyResult r = apply(new AuthorizeSshKeys("ghost", "k", List.of("ssh-rsa AAAA1 a")));

    assertThat(r.steps().get(0).outcome().notes())
        .contains("user ghost is not in /etc/passwd of the root; assumed home /home/ghost");
    assertThat(jimfs.read("/home/ghost/.ssh/authorized_keys")).isEqualTo("ssh-rsa AAAA1 a\n");
  }

  @Test
  void authorizeSshKeys_existingAuthorizedKeys_preservedAsFragment() throws IOException {
    jimfs.write("/home/core/.ssh/authorized_keys", "ssh-rsa AAAAhand made@by-hand\n");

    apply(new AuthorizeSshKeys("core", "coreos-cloudinit", List.of("ssh-ed25519 AAAAnew n@x")));
    apply(new AuthorizeSshKeys("core", "coreos-cloudinit", List.of("ssh-ed25519 AAAAnew n@x")));

    assertThat(jimfs.read("/home/core/.ssh/authorized_keys.d/orig_authorized_keys"))
        .isEqualTo("ssh-rsa AAAAhand made@by-hand\n");
    assertThat(jimfs.read("/home/core/.ssh/authorized_keys"))
        .isEqualTo("ssh-ed25519 AAAAnew n@x\nssh-rsa AAAAhand made@by-hand\n");
  }

  @Test
  void authorizeSshKeys_duplicatesAndBlankKeys_writtenOnce() throws IOException {
    apply(
        new AuthorizeSshKeys(
            "core", "n", List.of("ssh-rsa AAAA1 a", " ssh-rsa AAAA1 a ", "", "ssh-rsa AAAA2 b")));

    assertThat(jimfs.read("/home/core/.ssh/authorized_keys"))
        .isEqualTo("ssh-rsa AAAA1 a\nssh-rsa AAAA2 b\n");
  }

  @Test
  void authorizeSshKeys_disabledFragment_notOverwritten() throws IOException {
    jimfs.write("/home/core/.ssh/authorized_keys.d/coreos-cloudinit", "");

    ApplyResult r =
        apply(new AuthorizeSshKeys("core", "coreos-cloudinit", List.of("ssh-rsa AAAA1 a")));

    assertThat(r.steps().get(0).outcome().error().orElseThrow()).contains("are disabled");
    assertThat(jimfs.read("/home/core/.ssh/authorized_keys.d/coreos-cloudinit")).isEmpty();
  }

  @Test
  void authorizeSshKeys_symlinkPlantedInTheHome_refused() throws IOException {
    Files.createDirectories(jimfs.path("/home/core"));
    Files.createDirectories(jimfs.path("/root/.ssh"));
    Files.createSymbolicLink(jimfs.path("/home/core/.ssh"), jimfs.fs.getPath("/root/.ssh"));

    ApplyResult r = apply(new AuthorizeSshKeys("core", "k", List.of("ssh-rsa AAAA1 a")));

    assertThat(status(r, 0)).isEqualTo(StepStatus.FAILED);
    assertThat(r.steps().get(0).outcome().error().orElseThrow())
        .contains("/home/core/.ssh")
        .contains("refusing to follow a symbolic link in a home directory");
    try (var list = Files.list(jimfs.path("/root/.ssh"))) {
      assertThat(list).isEmpty();
    }
  }

  @Test
  void authorizeSshKeys_withHostTools_updateSshKeysArgvAndStdin() {
    FakeProcessRunner tools = new FakeProcessRunner("update-ssh-keys");
    RootFs fs = new RootFs(jimfs.root, OwnerPolicy.RECORD);
    Applier applier =
        new Applier(
            fs,
            systemd,
            tools,
            Optional.empty(),
            new Applier.Settings(
                ApplyMode.APPLY,
                ApplyMode.RECORD,
                true,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5)));

    applier.apply(new Plan(List.of(new AuthorizeSshKeys("core", "kname", List.of("ssh-rsa A")))));

    assertThat(tools.commands)
        .containsExactly(List.of("update-ssh-keys", "-u", "core", "-a", "kname"));
    assertThat(tools.stdins).containsExactly("ssh-rsa A\n");
  }

  @Test
  void importSshKeys_withoutFetcher_recorded() {
    RootFs fs = new RootFs(jimfs.root, OwnerPolicy.RECORD);
    Applier applier =
        new Applier(
            fs,
            systemd,
            runner,
            Optional.empty(),
            Applier.Settings.of(fs, ApplyMode.RECORD, ApplyMode.RECORD));

    ApplyResult r =
        applier.apply(
            new Plan(List.of(new ImportSshKeys("core", "github-x", "http://127.0.0.1/"))));

    assertThat(status(r, 0)).isEqualTo(StepStatus.RECORDED);
    assertThat(jimfs.path("/home/core/.ssh")).doesNotExist();
  }

  @Test
  void loadKernelModule_hostTools_modprobeArgv() {
    RootFs fs = new RootFs(jimfs.root, OwnerPolicy.RECORD);
    Applier applier =
        new Applier(
            fs,
            systemd,
            runner,
            Optional.empty(),
            new Applier.Settings(
                ApplyMode.RECORD,
                ApplyMode.RECORD,
                true,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5)));

    applier.apply(
        new Plan(List.of(new LoadKernelModule("bonding", List.of("mode=802.3ad", "miimon=100")))));

    assertThat(runner.commands())
        .containsExactly(List.of("modprobe", "bonding", "mode=802.3ad", "miimon=100"));
  }
}
