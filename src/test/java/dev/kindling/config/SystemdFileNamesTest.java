package dev.kindling.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SystemdFileNamesTest {
  @Test
  void problem_escapingOrUnwritableNames_rejectedWithTheReason() {
    assertThat(SystemdFileNames.problem("../../etc/passwd"))
        .hasValue("a unit or drop-in name must not contain \"/\"");
    assertThat(SystemdFileNames.problem("..")).hasValue("\"..\" is not a file name");
    assertThat(SystemdFileNames.problem(".")).hasValue("\".\" is not a file name");
    assertThat(SystemdFileNames.problem("a\0b.service"))
        .hasValue("a unit or drop-in name must not contain a NUL character");
    assertThat(SystemdFileNames.problem("x".repeat(256)))
        .hasValue("a unit or drop-in name must be at most 255 bytes");
  }

  @Test
  void problem_ordinaryNames_none() {
    assertThat(SystemdFileNames.problem("getty@tty1.service")).isEmpty();
    assertThat(SystemdFileNames.problem("10-override.conf")).isEmpty();
    assertThat(SystemdFileNames.problem("x".repeat(255))).isEmpty();
  }
}
