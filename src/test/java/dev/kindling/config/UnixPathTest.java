package dev.kindling.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnixPathTest {
  /** Rows from Go's path.Clean tests (src/path/path_test.go). */
  @ParameterizedTest(name = "clean({0}) = {1}")
  @CsvSource(
      value = {
        "'', .",
        "abc, abc",
        "abc/def, abc/def",
        "., .",
        ".., ..",
        "../.., ../..",
        "/, /",
        "//, /",
        "/abc/, /abc",
        "abc//def//ghi, abc/def/ghi",
        "abc/./def, abc/def",
        "/./abc/def, /abc/def",
        "abc/../../././../def, ../../def",
        "/../abc, /abc",
        "/tmp/../usr/x, /usr/x",
        "abc/def/../.., ."
      })
  void clean_goTestRows_matchGo(String in, String out) {
    assertThat(UnixPath.clean(in)).isEqualTo(out);
  }

  @ParameterizedTest(name = "target({0}) = {1}")
  @CsvSource({"etc/motd, /etc/motd", "/etc//x/, /etc/x", "../../etc/x, /etc/x", "'', /"})
  void target_anyPath_landsUnderRoot(String in, String out) {
    assertThat(UnixPath.target(in)).isEqualTo(out);
  }

  @ParameterizedTest(name = "{0} at or below {1}: {2}")
  @CsvSource({
    "/usr, /usr, true",
    "/usr/bin/x, /usr, true",
    "/usr/, /usr, true",
    "/usrdata/x, /usr, false",
    "/var/usr/x, /usr, false",
    "/x, /, true"
  })
  void isAtOrBelow_comparesComponents(String path, String dir, boolean expected) {
    assertThat(UnixPath.isAtOrBelow(path, dir)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "parent({0}) = {1}")
  @CsvSource({"/etc/x, /etc", "/x, /", "x, .", "/, /", "a/b/, a"})
  void parent_cleanedPath_isDirPart(String in, String out) {
    assertThat(UnixPath.parent(in)).isEqualTo(out);
  }
}
