package dev.kindling.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SafeXmlTest {
  private static byte[] xml(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void parse_expectedRoot_returnsIt() throws Exception {
    assertThat(
            SafeXml.localName(
                SafeXml.parse(
                    xml("<e:Environment xmlns:e=\"urn:x\"/>"), "ovf-env.xml", "Environment", "x")))
        .isEqualTo("Environment");
  }

  @Test
  void parse_otherRoot_failsNamingBoth() {
    assertThatThrownBy(
            () ->
                SafeXml.parse(
                    xml("<GoalState/>"), "ovf-env.xml", "Environment", "an OVF <Environment>"))
        .isInstanceOf(DatasourceException.class)
        .hasMessage(
            "failed to read ovf-env.xml: the root element is <GoalState>, want an OVF"
                + " <Environment>");
  }

  @Test
  void parse_doctype_isRefused() {
    assertThatThrownBy(
            () ->
                SafeXml.parse(
                    xml("<!DOCTYPE x [<!ENTITY a \"b\">]><Environment/>"),
                    "ovf-env.xml",
                    "Environment",
                    "<Environment>"))
        .isInstanceOf(DatasourceException.class)
        .hasMessageStartingWith("failed to parse ovf-env.xml:");
  }
}
