package dev.kindling.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.config.UnitFile.Problem;
import dev.kindling.config.UnitFile.ProblemKind;
import org.junit.jupiter.api.Test;

class UnitFileTest {
  @Test
  void parse_wellFormedUnit_hasSectionsAndSettings() {
    UnitFile f =
        UnitFile.parse(
            "# comment\n"
                + "; other comment\n"
                + "\n"
                + "[Unit]\n"
                + "Description = My app \n"
                + "[Service]\n"
                + "  ExecStart=/bin/sh -c 'a=b'\n"
                + "Environment=\n");
    assertThat(f.problems()).isEmpty();
    assertThat(f.sections()).extracting(UnitFile.Section::name).containsExactly("Unit", "Service");
    assertThat(f.section("Unit").orElseThrow().settings())
        .containsExactly(new UnitFile.Setting("Description", "My app", 5));
    assertThat(f.section("Service").orElseThrow().settings())
        .containsExactly(
            new UnitFile.Setting("ExecStart", "/bin/sh -c 'a=b'", 7),
            new UnitFile.Setting("Environment", "", 8));
    assertThat(f.section("Service").orElseThrow().line()).isEqualTo(6);
  }

  @Test
  void parse_continuationLines_joinWithSpaceAtFirstLine() {
    UnitFile f =
        UnitFile.parse("[Service]\nExecStart=/bin/echo \\\n  one \\\n# skipped comment\n  two\n");
    assertThat(f.problems()).isEmpty();
    assertThat(f.section("Service").orElseThrow().settings())
        .containsExactly(new UnitFile.Setting("ExecStart", "/bin/echo    one    two", 2));
  }

  @Test
  void parse_escapedBackslashAtEnd_isNotContinuation() {
    UnitFile f = UnitFile.parse("[Service]\nA=x\\\\\nB=y\n");
    assertThat(f.section("Service").orElseThrow().settings())
        .extracting(UnitFile.Setting::key)
        .containsExactly("A", "B");
  }

  @Test
  void parse_badLines_areProblemsByLine() {
    UnitFile f =
        UnitFile.parse(
            "Before=x\n"
                + "[Service]\n"
                + "NoEquals\n"
                + "=value\n"
                + "Exec Start=/x\n"
                + "Ok=1\n");
    assertThat(f.problems())
        .containsExactly(
            new Problem(1, ProblemKind.OUTSIDE_SECTION),
            new Problem(3, ProblemKind.MISSING_EQUALS),
            new Problem(4, ProblemKind.MISSING_KEY),
            new Problem(5, ProblemKind.INVALID_KEY));
    assertThat(f.section("Service").orElseThrow().settings()).hasSize(1);
  }

  @Test
  void parse_include_isReadAsSystemdDoes_notAProblem() {
    UnitFile f =
        UnitFile.parse(
            ".include /usr/lib/systemd/system/docker.service\n"
                + "[Service]\n"
                + ".include /etc/docker-extra.conf\n"
                + "Environment=A=1\n");
    assertThat(f.problems()).isEmpty();
    assertThat(f.includes()).containsExactly(1, 3);
    assertThat(f.section("Service").orElseThrow().settings()).hasSize(1);
  }

  @Test
  void parse_invalidHeader_isProblemAndLinesBelowAreNotOutside() {
    UnitFile f = UnitFile.parse("[Unit\nDescription=x\n[Service] # c\nA=1\n[Install]\nB=2\n");
    assertThat(f.problems())
        .containsExactly(
            new Problem(1, ProblemKind.INVALID_SECTION_HEADER),
            new Problem(3, ProblemKind.INVALID_SECTION_HEADER));
    assertThat(f.sections()).extracting(UnitFile.Section::name).containsExactly("Install");
  }

  @Test
  void parse_crlfAndTrailingContinuation_areRead() {
    UnitFile f = UnitFile.parse("[Service]\r\nA=1\r\nB=2 \\");
    assertThat(f.problems()).isEmpty();
    assertThat(f.section("Service").orElseThrow().settings())
        .containsExactly(new UnitFile.Setting("A", "1", 2), new UnitFile.Setting("B", "2", 3));
  }

  @Test
  void parse_emptyContent_hasNothing() {
    UnitFile f = UnitFile.parse("");
    assertThat(f.sections()).isEmpty();
    assertThat(f.problems()).isEmpty();
  }

  @Test
  void settingToString_hidesValue() {
    assertThat(new UnitFile.Setting("Environment", "PASSWORD=hunter2", 3).toString())
        .doesNotContain("hunter2");
  }
}
