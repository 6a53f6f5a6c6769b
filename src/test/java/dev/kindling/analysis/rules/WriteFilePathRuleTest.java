package dev.kindling.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WriteFilePathRuleTest {
  private static List<String> check(String yaml) {
    return RuleHarness.check(new WriteFilePathRule(), yaml);
  }

  @Test
  void check_pathsUnderUsr_areReadOnlyErrors() {
    assertThat(
            check(
                "#cloud-config\n"
                    + "write_files:\n"
                    + "  - path: /usr/bin/x\n"
                    + "  - path: /tmp/../usr/share/y\n"
                    + "  - path: /usrdata/z\n"))
        .containsExactly(
            "3:11 error read-only-path write_files[0].path: file cannot be written to a read-only"
                + " filesystem | /usr is mounted read-only on Container Linux; put programs in"
                + " /opt/bin (on the PATH), e.g. /opt/bin/x",
            "4:11 error read-only-path write_files[1].path: file cannot be written to a read-only"
                + " filesystem | /usr is mounted read-only on Container Linux; write under /etc,"
                + " /opt or /var instead");
  }

  @Test
  void check_relativePath_warnsWithTarget() {
    assertThat(check("#cloud-config\nwrite_files:\n  - path: etc/motd\n"))
        .containsExactly(
            "3:11 warning relative-path write_files[0].path: path \"etc/motd\" is relative; it is"
                + " written to \"/etc/motd\" | write the absolute path \"/etc/motd\"");
  }

  @Test
  void check_missingOrEmptyPath_isError() {
    assertThat(check("#cloud-config\nwrite_files:\n  - content: x\n  - path: ''\n"))
        .containsExactly(
            "3:5 error missing-path write_files[0]: file has no path | give the absolute path of"
                + " the file to write, e.g. path: /etc/motd",
            "4:11 error missing-path write_files[1].path: file has no path | give the absolute"
                + " path of the file to write, e.g. path: /etc/motd");
  }

  @Test
  void check_samePathTwice_warnsUnlessAppending() {
    assertThat(
            check(
                "#cloud-config\n"
                    + "write_files:\n"
                    + "  - path: /etc/a\n"
                    + "  - path: /etc/a\n"
                    + "    append: true\n"
                    + "  - path: /etc/./a\n"))
        .containsExactly(
            "6:11 warning duplicate-path write_files[2].path: \"/etc/a\" is also written by"
                + " write_files[0]; this entry replaces it | merge the two entries, or set append:"
                + " true to add to the file");
  }

  @Test
  void check_pathOfTheRoot_isError() {
    assertThat(check("#cloud-config\nwrite_files:\n  - path: /tmp/..\n"))
        .containsExactly(
            "3:11 error missing-path write_files[0].path: path \"/tmp/..\" is the root directory,"
                + " not a file | give the absolute path of the file to write, e.g. path: /etc/motd");
  }
}
