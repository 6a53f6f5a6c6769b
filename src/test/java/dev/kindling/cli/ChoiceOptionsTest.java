package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The choice options, {@code --color} and {@code validate --format}: any case, exact refusals. */
class ChoiceOptionsTest {
  @Test
  void color_readsAnyCase_andRefusesOtherWordsNamingTheChoices() {
    assertThat(LoggingOptions.color("Always")).isEqualTo(LoggingOptions.Color.ALWAYS);
    assertThat(LoggingOptions.color("never")).isEqualTo(LoggingOptions.Color.NEVER);
    assertThatThrownBy(() -> LoggingOptions.color("sometimes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown value 'sometimes' (expected auto, always or never)");
  }

  @Test
  void format_readsAnyCase_andRefusesOtherWordsNamingTheChoices() {
    assertThat(ValidateCommand.format("SARIF")).isEqualTo(ValidateCommand.Format.SARIF);
    assertThat(ValidateCommand.format("json")).isEqualTo(ValidateCommand.Format.JSON);
    assertThatThrownBy(() -> ValidateCommand.format("xml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown format 'xml' (expected text, json or sarif)");
  }
}
