package dev.kindling.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShebangTest {
  @Test
  void interpreter_firstWordOfTheHashBangLine() {
    assertThat(Shebang.interpreter("#!/usr/bin/env python3\nprint(1)\n")).isEqualTo("/usr/bin/env");
    assertThat(Shebang.interpreter("#! /bin/sh")).isEqualTo("/bin/sh");
  }

  @Test
  void interpreter_noneNamed_empty() {
    assertThat(Shebang.interpreter("#!  \necho x\n")).isEmpty();
    assertThat(Shebang.interpreter("#!")).isEmpty();
    assertThat(Shebang.interpreter("echo x\n")).isEmpty();
  }
}
