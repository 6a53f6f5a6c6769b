package dev.kindling.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.analysis.Analyzer;
import dev.kindling.analysis.PartAnalysis;
import dev.kindling.metadata.Metadata;
import dev.kindling.metadata.MetadataJson;
import dev.kindling.testing.GoldenCases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden plans: each directory under {@code src/test/resources/plan/golden/} holds {@code
 * user-data} (cloud-config or script; further parts in {@code user-data-2}, {@code user-data-3},
 * ...), optionally {@code metadata.json} (the {@code --metadata} format) and {@code options}
 * ({@code key=value} lines: {@code convert-netconf}, {@code datasource}, {@code ssh-key-name},
 * {@code workspace}), and the expected {@code expected.plan} ({@link PlanDump}) and {@code
 * expected.json} ({@link PlanPrinter#json}) and {@code expected.dot} ({@link PlanPrinter#dot}). Run
 * with {@code -Dgolden.update=true} to rewrite the expected files, then review every change by
 * hand.
 */
class GoldenPlanTest {
  private static final Path ROOT = Path.of("src/test/resources/plan/golden");

  static Stream<String> cases() throws IOException {
    return GoldenCases.names(ROOT);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void golden_case_matchesExpected(String name) throws IOException {
    Path dir = ROOT.resolve(name);
    Plan plan = Planner.plan(input(dir));
    GoldenCases.check(dir.resolve("expected.plan"), PlanDump.dump(plan));
    GoldenCases.check(dir.resolve("expected.json"), PlanPrinter.json(plan));
    GoldenCases.check(dir.resolve("expected.dot"), PlanPrinter.dot(plan));
  }

  @Test
  void goldens_coverEveryActionType() throws IOException {
    Set<String> covered = new TreeSet<>();
    for (String name : cases().toList()) {
      for (Action a : Planner.plan(input(ROOT.resolve(name))).actions()) {
        covered.add(a.getClass().getSimpleName());
      }
    }
    Set<String> all = new TreeSet<>();
    for (Class<?> c : Action.class.getPermittedSubclasses()) {
      all.add(c.getSimpleName());
    }
    assertThat(covered).isEqualTo(all);
  }

  static PlanInput input(Path dir) throws IOException {
    Metadata metadata = Metadata.empty();
    if (Files.exists(dir.resolve("metadata.json"))) {
      metadata = MetadataJson.read(Files.readAllBytes(dir.resolve("metadata.json")));
    }
    String convertNetconf = "";
    String datasource = "local-file";
    String sshKeyName = PlanOptions.DEFAULT_SSH_KEY_NAME;
    String workspace = PlanOptions.DEFAULT_WORKSPACE;
    if (Files.exists(dir.resolve("options"))) {
      for (String line : Files.readAllLines(dir.resolve("options"), StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] kv = line.split("=", 2);
        switch (kv[0].strip()) {
          case "convert-netconf" -> convertNetconf = kv[1].strip();
          case "datasource" -> datasource = kv[1].strip();
          case "ssh-key-name" -> sshKeyName = kv[1].strip();
          case "workspace" -> workspace = kv[1].strip();
          default -> throw new IllegalArgumentException("unknown option " + kv[0]);
        }
      }
    }
    List<PlanInput.Part> parts = new ArrayList<>();
    Optional<Metadata> templating = metadata.isEmpty() ? Optional.empty() : Optional.of(metadata);
    for (int n = 1; ; n++) {
      String file = n == 1 ? "user-data" : "user-data-" + n;
      Path path = dir.resolve(file);
      if (!Files.exists(path)) {
        break;
      }
      PartAnalysis part =
          Analyzer.analyze(Files.readAllBytes(path), templating).parts().stream()
              .findFirst()
              .orElse(null);
      if (part == null) {
        continue;
      }
      part.config().ifPresent(c -> parts.add(new PlanInput.ConfigPart(file, c)));
      part.script().ifPresent(s -> parts.add(new PlanInput.ScriptPart(file, s)));
      part.rejection().ifPresent(r -> parts.add(new PlanInput.RejectedPart(file, r)));
    }
    return new PlanInput(
        parts, metadata, new PlanOptions(sshKeyName, workspace, convertNetconf, datasource));
  }
}
