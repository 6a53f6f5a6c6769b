package dev.kindling.datasource.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.kindling.datasource.DatasourceException;

/**
 * Fuzz target: the Azure XML documents ({@code SharedConfig.xml}, {@code ovf-env.xml}) through the
 * DOCTYPE-refusing parser. Whatever the bytes, each reader returns a value or fails with a {@link
 * DatasourceException} that says why; no other exception escapes. The corpus in {@code
 * WaagentXmlFuzzTestInputs/read/} runs in every build.
 */
class WaagentXmlFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void read(byte[] xml) {
    try {
      assertThat(WaagentXml.addresses(xml, "SharedConfig.xml")).isNotNull();
    } catch (DatasourceException e) {
      assertThat(e.getMessage()).contains("SharedConfig.xml");
    }
    try {
      assertThat(WaagentXml.provisioning(xml, "ovf-env.xml").sshKeys()).isNotNull();
      assertThat(WaagentXml.customData(xml, "ovf-env.xml")).isNotNull();
    } catch (DatasourceException e) {
      assertThat(e.getMessage()).contains("ovf-env.xml");
    }
  }
}
