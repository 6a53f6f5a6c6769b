package dev.kindling.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountNamesTest {
  @ParameterizedTest
  @ValueSource(strings = {"core", "_apt", "Bob", "build-agent", "machine$", "a.b", "a1"})
  void problem_namesUseraddAccepts_isEmpty(String name) {
    assertThat(AccountNames.problem(name, "user name")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1000",
        "-x",
        ".",
        "..",
        "a b",
        "a:b",
        "a$b",
        "abcdefghijklmnopqrstuvwxyz0123456"
      })
  void problem_namesUseraddRejects_isPresent(String name) {
    assertThat(AccountNames.problem(name, "user name")).isPresent();
  }

  @Test
  void isNumericId_rangeOfUidT() {
    assertThat(AccountNames.isNumericId("0")).isTrue();
    assertThat(AccountNames.isNumericId("4294967294")).isTrue();
    assertThat(AccountNames.isNumericId("4294967295")).isFalse();
    assertThat(AccountNames.isNumericId("12a")).isFalse();
  }
}
