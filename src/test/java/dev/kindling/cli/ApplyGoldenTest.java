package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.agent.Pipeline;
import dev.kindling.apply.Applier;
import dev.kindling.apply.ApplyMode;
import dev.kindling.apply.ApplyResult;
import dev.kindling.apply.FileActionTypes;
import dev.kindling.apply.JimfsRoot;
import dev.kindling.apply.OwnerPolicy;
import dev.kindling.apply.RecordingProcessRunner;
import dev.kindling.apply.RootFs;
import dev.kindling.apply.StepStatus;
import dev.kindling.apply.systemd.RecordingSystemdManager;
import dev.kindling.metadata.Metadata;
import dev.kindling.metadata.MetadataJson;
import dev.kindling.plan.Action;
import dev.kindling.plan.PlanOptions;
import dev.kindling.testing.GoldenCases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden file trees: each directory under {@code src/test/resources/apply/golden/} holds {@code
 * user-data}, optionally {@code metadata.json}, {@code options} ({@code key=value}: {@code
 * ssh-key-name}, {@code workspace}, {@code convert-netconf}) and {@code root/} (files present
 * before the run; every case also starts with a passwd/group naming root and core). The user data
 * goes through the pipeline of {@code run} and is applied on a Jimfs root with owners set, systemd
 * and commands recorded. Expected: {@code expected.tree} (every entry with type, mode, owner and
 * path), {@code expected/} (file contents), {@code expected.steps} (status and description of each
 * action), {@code expected.systemd} and {@code expected.commands}. Each case is applied twice: the
 * second run must leave the tree as it is, report every file action unchanged and skip the
 * daemon-reload. Run with {@code -Dgolden.update=true} to rewrite the expected files, then review
 * every change.
 */
class ApplyGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/apply/golden");
  private static final String PASSWD =
      "root:x:0:0:root:/root:/bin/bash\ncore:x:500:500:CoreOS Admin:/home/core:/bin/bash\n";
  private static final String GROUP = "root:x:0:\ncore:x:500:\nwheel:x:10:core\ndocker:x:233:\n";

  static Stream<String> cases() throws IOException {
    return GoldenCases.names(GOLDEN);
  }

  /** One applied run: the result and what was recorded. */
  private record Run(ApplyResult result, List<String> systemd, List<List<String>> commands) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void golden_appliedTwice_expectedTreeAndIdempotent(String name) throws IOException {
    Path dir = GOLDEN.resolve(name);
    Pipeline.Prepared prepared = prepare(dir);
    try (JimfsRoot jimfs = new JimfsRoot()) {
      Path root = jimfs.root;
      seed(dir, root);

      Run first = apply(root, prepared);
      List<String> tree = tree(jimfs);

      GoldenCases.check(dir.resolve("expected.tree"), lines(tree));
      GoldenCases.check(dir.resolve("expected.steps"), lines(steps(first.result())));
      GoldenCases.check(dir.resolve("expected.systemd"), lines(first.systemd()));
      GoldenCases.check(
          dir.resolve("expected.commands"),
          lines(first.commands().stream().map(c -> String.join(" ", c)).toList()));
      checkContents(dir.resolve("expected"), root);

      Run second = apply(root, prepared);
      assertThat(tree(jimfs)).as("tree after the second run").isEqualTo(tree);
      for (ApplyResult.Step s : second.result().steps()) {
        if (FileActionTypes.ALL.contains(s.action().type())
            && first.result().steps().stream()
                .noneMatch(f -> f.action() == s.action() && f.outcome().status().isFailure())) {
          assertThat(s.outcome().status())
              .as("second run: %s", s.action().describe())
              .isEqualTo(StepStatus.UNCHANGED);
        }
      }
      assertThat(second.systemd()).as("second run systemd calls").doesNotContain("reload");
    }
  }

  @Test
  void goldens_coverEveryActionType() throws IOException {
    Set<String> covered = new TreeSet<>();
    for (String name : cases().toList()) {
      for (Action a : prepare(GOLDEN.resolve(name)).plan().actions()) {
        covered.add(a.getClass().getSimpleName());
      }
    }
    Set<String> all = new TreeSet<>();
    for (Class<?> c : Action.class.getPermittedSubclasses()) {
      all.add(c.getSimpleName());
    }
    assertThat(covered).isEqualTo(all);
  }

  private static Pipeline.Prepared prepare(Path dir) throws IOException {
    Map<String, String> options = new HashMap<>();
    Path optionsFile = dir.resolve("options");
    if (Files.exists(optionsFile)) {
      for (String line : Files.readAllLines(optionsFile)) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          options.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
      }
    }
    Path metadataFile = dir.resolve("metadata.json");
    Metadata metadata =
        Files.exists(metadataFile)
            ? MetadataJson.read(Files.readAllBytes(metadataFile))
            : Metadata.empty();
    PlanOptions planOptions =
        new PlanOptions(
            options.getOrDefault("ssh-key-name", PlanOptions.DEFAULT_SSH_KEY_NAME),
            options.getOrDefault("workspace", PlanOptions.DEFAULT_WORKSPACE),
            options.getOrDefault("convert-netconf", ""),
            options.getOrDefault("datasource", "local-file"));
    return Pipeline.prepare(
        planOptions.datasource(),
        Files.readAllBytes(dir.resolve("user-data")),
        metadata,
        Map.of(),
        planOptions);
  }

  /** The default passwd/group, then the case's {@code root/} files on top. */
  private static void seed(Path dir, Path root) throws IOException {
    // The root itself as an image has it (JimfsRoot makes it with Jimfs's default mode).
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    directories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/passwd"), PASSWD);
    Files.writeString(root.resolve("etc/group"), GROUP);
    Path seed = dir.resolve("root");
    if (!Files.isDirectory(seed)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(seed)) {
      for (Path p : walk.sorted().toList()) {
        Path target = root.resolve(seed.relativize(p).toString());
        if (Files.isDirectory(p)) {
          directories(target);
        } else {
          Files.write(target, Files.readAllBytes(p));
        }
      }
    }
  }

  /** Creates directories as an image would have them: 0755. */
  private static void directories(Path dir) throws IOException {
    if (dir.getParent() != null && !Files.isDirectory(dir.getParent())) {
      directories(dir.getParent());
    }
    if (!Files.isDirectory(dir)) {
      Files.createDirectory(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
  }

  private static Run apply(Path root, Pipeline.Prepared prepared) {
    RootFs fs = new RootFs(root, OwnerPolicy.SET);
    RecordingSystemdManager systemd = new RecordingSystemdManager();
    RecordingProcessRunner runner = new RecordingProcessRunner();
    Applier applier =
        new Applier(
            fs,
            systemd,
            runner,
            Optional.of(url -> List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5Imported from " + url)),
            Applier.Settings.of(fs, ApplyMode.RECORD, ApplyMode.RECORD));
    ApplyResult result = applier.apply(prepared.plan());
    return new Run(result, systemd.calls(), runner.commands());
  }

  private static List<String> steps(ApplyResult result) {
    List<String> lines = new ArrayList<>();
    for (ApplyResult.Step s : result.steps()) {
      lines.add(
          s.outcome().status().label()
              + " "
              + s.action().describe()
              + s.outcome()
                  .error()
                  .filter(e -> !e.equals(s.action().describe()))
                  .map(e -> " -- " + e)
                  .orElse(""));
    }
    return lines;
  }

  /** Every entry below the root, sorted, with type, mode, owner and path. */
  private static List<String> tree(JimfsRoot jimfs) throws IOException {
    return jimfs.tree(
        (p, target) -> {
          PosixFileAttributes a =
              Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          String owner = owner(a.owner().getName()) + ":" + owner(a.group().getName());
          String mode = PosixFilePermissions.toString(a.permissions());
          return (a.isDirectory() ? "d " : "f ") + mode + " " + owner + " " + target;
        });
  }

  /** Jimfs's default owner and group ("user", "group") stand for the writing process: "-". */
  private static String owner(String name) {
    return name.equals("user") || name.equals("group") ? "-" : name;
  }

  private static void checkContents(Path expected, Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
              .sorted()
              .collect(Collectors.toList());
    }
    if (GoldenCases.UPDATE) {
      deleteTree(expected);
      for (Path f : files) {
        Path out = expected.resolve(root.relativize(f).toString());
        Files.createDirectories(out.getParent());
        Files.write(out, Files.readAllBytes(f));
      }
      return;
    }
    List<String> expectedFiles = new ArrayList<>();
    if (Files.isDirectory(expected)) {
      try (Stream<Path> walk = Files.walk(expected)) {
        walk.filter(Files::isRegularFile)
            .forEach(p -> expectedFiles.add("/" + expected.relativize(p)));
      }
    }
    assertThat(files.stream().map(f -> "/" + root.relativize(f)).sorted().toList())
        .as("files under the root")
        .isEqualTo(expectedFiles.stream().sorted().toList());
    for (Path f : files) {
      String rel = root.relativize(f).toString();
      assertThat(new String(Files.readAllBytes(f), StandardCharsets.UTF_8))
          .as("content of /%s", rel)
          .isEqualTo(Files.readString(expected.resolve(rel), StandardCharsets.UTF_8));
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static String lines(List<String> lines) {
    return lines.stream().map(l -> l + "\n").collect(Collectors.joining());
  }
}
