package dev.kindling.plan.netconf;

import dev.kindling.testing.GoldenCases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden conversions of OpenStack {@code network_data.json} documents: each directory under {@code
 * src/test/resources/netconf/openstack/} holds a {@code network_data.json} (as a cloud serves it)
 * and {@code expected.txt}: every generated file after a {@code == NAME} line, then what was not
 * converted. Run with {@code -Dgolden.update=true} to rewrite the expected files, then review every
 * change by hand.
 */
class OpenStackNetconfGoldenTest {
  private static final Path ROOT = Path.of("src/test/resources/netconf/openstack");

  static Stream<String> cases() throws IOException {
    return GoldenCases.names(ROOT);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void golden_case_matchesExpected(String name) throws IOException, NetconfException {
    Path dir = ROOT.resolve(name);
    String json = Files.readString(dir.resolve("network_data.json"), StandardCharsets.UTF_8);
    GoldenCases.check(
        dir.resolve("expected.txt"), dump(NetconfConverter.convert("openstack", json)));
  }

  static String dump(Conversion conversion) {
    StringBuilder out = new StringBuilder();
    for (NetworkFile file : conversion.files()) {
      out.append("== ").append(file.name()).append('\n').append(file.content());
    }
    out.append("== not converted\n");
    for (Skipped s : conversion.skipped()) {
      out.append(s.subject()).append(": ").append(s.reason()).append('\n');
    }
    return out.toString();
  }
}
