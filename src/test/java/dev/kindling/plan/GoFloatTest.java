package dev.kindling.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's {@code %v} of float64 (system/env_test.go goldens and the 'g' layout thresholds). */
class GoFloatTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "0.12345, 0.12345",
    "0.000001, 1e-06",
    "1, 1",
    "0.9999999, 0.9999999",
    "0.1, 0.1",
    "0.5, 0.5",
    "1.5, 1.5",
    "1e-7, 1e-07",
    "1e21, 1e+21",
    "999999, 999999",
    "1000000, 1e+06",
    "1234567, 1.234567e+06",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "608863452348.1149, 6.088634523481149e+11",
    "123456.5, 123456.5",
    "-2.5, -2.5",
    "1e100, 1e+100",
    "5e-324, 5e-324",
    "0, 0",
  })
  void format_matchesGo(double value, String expected) {
    assertThat(GoFloat.format(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"Infinity, +Inf", "-Infinity, -Inf", "NaN, NaN", "-0.0, -0"})
  void format_specialValues_spelledAsGo(double value, String expected) {
    assertThat(GoFloat.format(value)).isEqualTo(expected);
  }
}
