package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.validate.FileReport;
import dev.kindling.validate.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParallelValidationTest {
  /** Varied inputs: valid, unknown keys, YAML errors, scripts, not cloud-config. */
  private static byte[] input(int i) {
    String text =
        switch (i % 5) {
          case 0 -> "#cloud-config\nhostname: node" + i + "\n";
          case 1 -> "#cloud-config\nbogus_" + i + ": true\nwrite_file: []\n";
          case 2 -> "#cloud-config\nhostname: [node" + i + "\n";
          case 3 -> "#!/bin/sh\necho " + i + "\n";
          default -> "hostname: node" + i + "\n";
        };
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void reports_comeInInputOrder_equalToValidatingOneByOne() throws IOException {
    List<FileReport> got = new ArrayList<>();
    try (ParallelValidation v = new ParallelValidation(Optional.empty(), got::add, 4)) {
      for (int i = 0; i < 300; i++) {
        v.submit("f" + i, input(i));
      }
      v.finish();
    }
    List<FileReport> expected = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      expected.add(Validator.validate("f" + i, input(i), Optional.empty()));
    }
    assertThat(got).isEqualTo(expected);
  }

  @Test
  void atMostTheWindow_isInFlight() throws IOException {
    List<String> order = new ArrayList<>();
    int[] submitted = {0};
    int[] maxAhead = {0};
    try (ParallelValidation v =
        new ParallelValidation(
            Optional.empty(),
            r -> {
              order.add(r.file());
              maxAhead[0] = Math.max(maxAhead[0], submitted[0] - order.size());
            },
            2)) {
      for (int i = 0; i < 100; i++) {
        submitted[0]++;
        v.submit("f" + i, input(i));
      }
      v.finish();
    }
    assertThat(order).hasSize(100).startsWith("f0", "f1", "f2").endsWith("f99");
    assertThat(maxAhead[0]).isLessThanOrEqualTo(8);
  }

  @Test
  void oneInput_startsNoThread_andClose_stopsThem() throws IOException {
    List<FileReport> got = new ArrayList<>();
    try (ParallelValidation v = new ParallelValidation(Optional.empty(), got::add, 2)) {
      v.submit("one", input(0));
      assertThat(threads()).isZero();
      v.submit("two", input(1));
      v.finish();
    }
    assertThat(got).extracting(FileReport::file).containsExactly("one", "two");
    assertThat(threads()).isZero();
  }

  private static long threads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("kindling-validate") && t.isAlive())
        .count();
  }
}
