package dev.kindling.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Graphviz's {@code dot} reads every golden plan's graph and draws it as SVG (scripts/test-all.sh
 * installs Debian's graphviz; without {@code dot} on the PATH the test is skipped and says so).
 */
class PlanDotIT {
  static List<String> cases() throws IOException {
    return GoldenPlanTest.cases().toList();
  }

  private static boolean dotAvailable() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":", -1)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "dot"))) {
        return true;
      }
    }
    return false;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void dot_goldenPlan_drawnAsSvg(String name) throws Exception {
    assumeTrue(dotAvailable(), "Graphviz dot is not installed (apt-get install graphviz)");
    Plan plan = Planner.plan(GoldenPlanTest.input(Path.of("src/test/resources/plan/golden", name)));
    Process dot = new ProcessBuilder("dot", "-Tsvg").redirectErrorStream(true).start();
    dot.getOutputStream().write(PlanPrinter.dot(plan).getBytes(StandardCharsets.UTF_8));
    dot.getOutputStream().close();
    String output = new String(dot.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(dot.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(dot.exitValue()).as(output).isZero();
    assertThat(output).contains("<svg").doesNotContain("Warning").doesNotContain("Error");
  }
}
