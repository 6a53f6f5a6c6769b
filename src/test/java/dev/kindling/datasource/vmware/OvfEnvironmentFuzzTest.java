package dev.kindling.datasource.vmware;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kindling.datasource.DatasourceException;

/**
 * Fuzz target: the VMware OVF environment document. Whatever the bytes, reading its properties
 * returns them or fails with a {@link DatasourceException}; no other exception escapes. The corpus
 * in {@code OvfEnvironmentFuzzTestInputs/properties/} runs in every build.
 */
class OvfEnvironmentFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void properties(byte[] xml) {
    try {
      assertThat(OvfEnvironment.properties(xml, "ovf-env.xml")).isNotNull();
    } catch (DatasourceException e) {
      assertThat(e.getMessage()).contains("ovf-env.xml");
    }
  }
}
