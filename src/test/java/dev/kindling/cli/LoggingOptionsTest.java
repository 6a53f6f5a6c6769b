package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LoggingOptionsTest {
  private static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  @AfterEach
  void clear() {
    System.clearProperty(LEVEL);
  }

  @Test
  void apply_countOfV_setsTheSlf4jLevel() {
    RunCommand none = CommandLine.populateCommand(new RunCommand());
    none.logging.apply();
    assertThat(System.getProperty(LEVEL)).isNull();

    CommandLine.populateCommand(new RunCommand(), "-v").logging.apply();
    assertThat(System.getProperty(LEVEL)).isEqualTo("debug");

    CommandLine.populateCommand(new RenderCommand(), "-vv").logging.apply();
    assertThat(System.getProperty(LEVEL)).isEqualTo("trace");
  }
}
