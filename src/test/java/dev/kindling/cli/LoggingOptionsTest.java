package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

class LoggingOptionsTest {
  private static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  @AfterEach
  void clear() {
    System.clearProperty(LEVEL);
  }

  private static CommandSpec parsed(CommandSpec spec, String... args) {
    new CommandLine(spec).parseArgs(args);
    return spec;
  }

  @Test
  void apply_countOfV_setsTheSlf4jLevel() {
    LoggingOptions.apply(parsed(new RunCommand().spec()));
    assertThat(System.getProperty(LEVEL)).isNull();

    LoggingOptions.apply(parsed(new RunCommand().spec(), "-v"));
    assertThat(System.getProperty(LEVEL)).isEqualTo("debug");

    CommandLine render = new CommandLine(new RenderCommand());
    render.parseArgs("-vv");
    LoggingOptions.apply(render.getCommandSpec());
    assertThat(System.getProperty(LEVEL)).isEqualTo("trace");
  }
}
