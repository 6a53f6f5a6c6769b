package dev.kindling.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Fuzz target: the YAML reader, the binder, every rule and the report printers on cloud-config (the
 * input follows a {@code #cloud-config} line, so the fuzzer spends its time in YAML). Whatever the
 * text, validation returns findings with positions inside the document and the printers print them;
 * nothing throws. The corpus in {@code ValidatorFuzzTestInputs/validate/} runs in every build.
 */
class ValidatorFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void validate(byte[] yaml) throws IOException {
    byte[] data = new byte[yaml.length + 14];
    System.arraycopy("#cloud-config\n".getBytes(StandardCharsets.US_ASCII), 0, data, 0, 14);
    System.arraycopy(yaml, 0, data, 14, yaml.length);

    FileReport report = Validator.validate("user-data", data, Optional.empty());

    // Lines as YAML counts them: a lone CR, NEL and the Unicode separators break lines too.
    int lines =
        new String(data, StandardCharsets.UTF_8).split("\r\n|[\n\r\u0085\u2028\u2029]", -1).length;
    for (Entry e : report.entries()) {
      e.finding().position().ifPresent(p -> assertThat(p.line()).isLessThanOrEqualTo(lines + 1));
    }
    StringWriter text = new StringWriter();
    new TextReportPrinter(new PrintWriter(text)).print(List.of(report));
    StringWriter json = new StringWriter();
    new JsonReportPrinter(json).print(List.of(report));
    assertThat(text.toString()).containsPattern("[0-9]+ infos?\n$").doesNotContain("Exception");
  }
}
