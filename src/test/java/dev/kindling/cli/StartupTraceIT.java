package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up trace (bench/startup.sh's profile) through the jar: {@code -Dkindling.trace=true}
 * adds the phase marks and spans to standard error and changes nothing else; without it nothing of
 * the trace is printed.
 */
class StartupTraceIT {
  @TempDir Path dir;

  @Test
  void traced_printsMarksAndSpans_sameOutputAndStatus() throws Exception {
    // (validate FILE is parsed without picocli, so there is no "command model built" mark)
    Path file = dir.resolve("user-data.yaml");
    Files.writeString(file, "#cloud-config\nhostname: node1\nbogus: 1\n");
    ValidateCliIT.Result plain = ValidateCliIT.kindling("", List.of(), "validate", file.toString());
    ValidateCliIT.Result traced =
        ValidateCliIT.kindling("", List.of("-Dkindling.trace=true"), "validate", file.toString());

    assertThat(plain.err()).doesNotContain("kindling-trace");
    assertThat(traced.out()).isEqualTo(plain.out());
    assertThat(traced.status()).isEqualTo(plain.status()).isEqualTo(0);
    List<String> lines =
        Arrays.stream(traced.err().split("\n"))
            .filter(l -> l.startsWith("kindling-trace "))
            .toList();
    assertThat(lines.get(0)).matches("kindling-trace clock \\d+ \\d+");
    assertThat(lines)
        .filteredOn(l -> l.startsWith("kindling-trace mark "))
        .extracting(l -> l.split(" ", 4)[3])
        .containsExactly("main", "arguments parsed", "validated and printed", "exit");
    assertThat(lines).anyMatch(l -> l.matches("kindling-trace span 1 \\d+ yaml: parse"));
    long[] marks =
        lines.stream()
            .filter(l -> l.startsWith("kindling-trace mark "))
            .mapToLong(l -> Long.parseLong(l.split(" ", 4)[2]))
            .toArray();
    assertThat(marks).isSorted();
  }
}
