package dev.kindling.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;

/**
 * Fuzz target: the metadata JSON of {@code --metadata FILE}. Whatever the bytes, reading returns
 * metadata or fails with an {@link IOException} that says why (a usage error for the CLI); no other
 * exception escapes. The corpus in {@code MetadataJsonFuzzTestInputs/read/} runs in every build.
 */
class MetadataJsonFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void read(byte[] json) {
    Metadata metadata;
    try {
      metadata = MetadataJson.read(json);
    } catch (IOException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(metadata.sshPublicKeys()).isNotNull();
  }
}
