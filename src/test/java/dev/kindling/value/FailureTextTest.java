package dev.kindling.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class FailureTextTest {
  @Test
  void theMessage_stripped() {
    assertThat(FailureText.of(new IOException("  disk full\n"))).isEqualTo("disk full");
  }

  @Test
  void noMessage_orOnlyBlanks_isTheKind() {
    assertThat(FailureText.of(new IOException())).isEqualTo("IOException");
    assertThat(FailureText.of(new IllegalStateException(" \t"))).isEqualTo("IllegalStateException");
    assertThat(FailureText.of(new NoSuchFileException(null))).isEqualTo("NoSuchFileException");
  }
}
