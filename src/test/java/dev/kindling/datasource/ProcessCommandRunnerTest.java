package dev.kindling.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessCommandRunnerTest {
  private final ProcessCommandRunner runner = new ProcessCommandRunner();

  @Test
  void run_program_returnsExitCodeAndBothStreams() throws Exception {
    CommandRunner.Result result =
        runner.run(List.of("sh", "-c", "echo out; echo err >&2; exit 3"), Fixtures.deadline());

    assertThat(result).isEqualTo(new CommandRunner.Result(3, "out\n", "err\n"));
    assertThat(result.succeeded()).isFalse();
    assertThat(result.firstErrorLine()).isEqualTo("err");
    assertThat(result.toString()).doesNotContain("out\n").contains("stdout=4 chars");
  }

  @Test
  void run_missingProgram_isProgramNotFound() {
    assertThatThrownBy(() -> runner.run(List.of("kindling-no-such-program"), Fixtures.deadline()))
        .isInstanceOf(CommandRunner.ProgramNotFoundException.class)
        .hasMessage("kindling-no-such-program: not installed (not found on PATH)");
  }

  @Test
  void run_pastTheDeadline_killsTheProgram() {
    assertThatThrownBy(
            () -> runner.run(List.of("sleep", "30"), Deadline.in(Duration.ofMillis(200))))
        .isInstanceOf(IOException.class)
        .hasMessage("sleep did not finish in time (killed)");
  }

  @Test
  void run_noStandardInput_programSeesEndOfFile() throws Exception {
    assertThat(runner.run(List.of("cat"), Fixtures.deadline()))
        .isEqualTo(new CommandRunner.Result(0, "", ""));
  }
}
