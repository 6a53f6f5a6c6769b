package dev.kindling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * README's first fenced sh block under "## Quick start" holds exactly two command lines, and
 * .ci/run calls the second (the whole test suite).
 */
class ReadmeContractTest {
  @Test
  void quickStart_twoLines_ciRunsTheSecond() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int section = readme.indexOf("\n## Quick start\n");
    assertThat(section).as("README has a ## Quick start section").isPositive();
    int open = readme.indexOf("```sh\n", section);
    int close = readme.indexOf("\n```", open + 6);
    assertThat(open).isPositive();
    List<String> lines = readme.substring(open + 6, close).lines().toList();
    assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).isNotBlank().doesNotStartWith("#"));
    assertThat(lines.get(0)).contains("kindling.jar");
    String ci = Files.readString(Path.of(".ci/run"));
    assertThat(ci).contains(lines.get(1));
  }
}
