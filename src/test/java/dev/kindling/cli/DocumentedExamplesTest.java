package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.testing.MetadataEmulator;
import dev.kindling.testing.MetadataEmulator.Flavor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of docs/cli.md are real output: a fenced block whose first line is {@code $ kindling
 * ARGS} shows exactly what that command prints on standard output (run from the project directory;
 * the EC2 address {@code http://127.0.0.1:8080/} is served by the metadata emulator with the {@code
 * ec2/basic} fixture), and a block whose first line is {@code $ cat FILE} shows FILE.
 */
class DocumentedExamplesTest {
  private static final Path PAGE = Path.of("docs", "cli.md");
  private static final String EC2_URL = "http://127.0.0.1:8080/";
  private static final Path EC2_FIXTURE =
      Path.of("src", "test", "resources", "datasource", "ec2", "basic");

  /** One example: the command after {@code $ } and the lines the block shows after it. */
  record Example(int line, String command, String output) {
    @Override
    public String toString() {
      return PAGE + ":" + line + ": " + command;
    }
  }

  static Stream<Example> examples() throws IOException {
    List<String> lines = Files.readAllLines(PAGE, StandardCharsets.UTF_8);
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith("```") || i + 1 >= lines.size()) {
        continue;
      }
      int start = i + 1;
      int end = start;
      while (end < lines.size() && !lines.get(end).startsWith("```")) {
        end++;
      }
      if (lines.get(start).startsWith("$ ")) {
        String output = String.join("\n", lines.subList(start + 1, end)) + "\n";
        out.add(new Example(start + 1, lines.get(start).substring(2), output));
      }
      i = end;
    }
    return out.stream();
  }

  @Test
  void page_hasExamplesOfEveryOutput() throws IOException {
    assertThat(examples().map(Example::command))
        .anyMatch(c -> c.startsWith("kindling validate "))
        .anyMatch(c -> c.startsWith("kindling validate --format json "))
        .anyMatch(c -> c.startsWith("kindling render "))
        .anyMatch(c -> c.startsWith("kindling render --format json "))
        .anyMatch(c -> c.startsWith("kindling fetch "))
        .anyMatch(c -> c.startsWith("kindling fetch --format json "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void example_showsWhatTheCommandPrints(Example example) throws IOException {
    String command = example.command();
    if (command.startsWith("cat ")) {
      Path file = Path.of(command.substring(4).strip());
      assertThat(example.output()).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
      return;
    }
    assertThat(command).as("an example runs kindling or cat").startsWith("kindling ");
    try (MetadataEmulator ec2 = MetadataEmulator.start(Flavor.EC2, EC2_FIXTURE)) {
      String args = command.substring("kindling ".length()).replace(EC2_URL, ec2.baseUri() + "");
      Cli.Run run = Cli.kindling(args.strip().split(" +"));
      assertThat(run.out()).as(run.err()).isEqualTo(example.output());
    }
  }
}
