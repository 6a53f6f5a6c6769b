package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Colour in a real process: {@code --color=always} colours the plan on standard output and the
 * level of log lines on standard error, {@code --color=never} nothing, with the same text; {@code
 * auto} colours on a terminal (a pseudo-terminal made by {@code script}) unless NO_COLOR is set.
 */
class ColorIT {
  private static final String ESC = "\033";

  @TempDir Path dir;

  private Path userData() throws Exception {
    Path data = dir.resolve("user-data");
    Files.writeString(data, "#cloud-config\nhostname: h\nhostnam: typo\n");
    return data;
  }

  private static String plain(String s) {
    return untimed(s.replaceAll("\033\\[[0-9;]*m", ""));
  }

  /** The text without the times it measured. */
  private static String untimed(String s) {
    return s.replaceAll("\\d+ ms", "N ms");
  }

  @Test
  void render_colorAlwaysVersusNever_sameTextColouredLevelsAndVerbs() throws Exception {
    String data = userData().toString();
    ValidateCliIT.Result always =
        ValidateCliIT.kindling("", List.of(), "render", "--color=always", "--from-file", data);
    ValidateCliIT.Result never =
        ValidateCliIT.kindling("", List.of(), "render", "--color", "never", "--from-file", data);

    assertThat(never.out()).doesNotContain(ESC).contains("set hostname to h\n");
    assertThat(never.err()).doesNotContain(ESC).contains("\nWARN user-data line 3:1: ");
    assertThat(always.out()).contains("\033[36mset\033[0m hostname to h\n");
    assertThat(always.err())
        .contains("\n\033[1;33mWARN\033[0m user-data line 3:1: ")
        .doesNotContain("\033[1;33mINFO");
    assertThat(plain(always.out())).isEqualTo(never.out());
    assertThat(plain(always.err())).isEqualTo(untimed(never.err()));
    assertThat(always.status()).isEqualTo(never.status()).isZero();
  }

  @Test
  void render_jsonNeverColoured() throws Exception {
    ValidateCliIT.Result json =
        ValidateCliIT.kindling(
            "",
            List.of(),
            "render",
            "--color=always",
            "--format",
            "json",
            "--from-file",
            userData().toString());
    assertThat(json.out()).doesNotContain(ESC);
  }

  @Test
  void auto_onATerminal_colouredUnlessNoColor() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/script")), "script(1) makes the pseudo-terminal");
    String data = userData().toString();
    String onTty = underPty(data, null);
    String noColor = underPty(data, "1");

    assertThat(onTty).contains("\033[36mset\033[0m hostname to h").contains("\033[1;33mWARN");
    assertThat(noColor).doesNotContain(ESC).contains("set hostname to h");
  }

  /** Both streams of {@code render} run on a pseudo-terminal, as {@code script} saw them. */
  private String underPty(String data, String noColor) throws Exception {
    String jar = Path.of(System.getProperty("kindling.jar", "target/kindling.jar")).toString();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.addAll(List.of("/usr/bin/script", "-qec"));
    command.add(java + " -jar " + jar + " render --from-file " + data);
    command.add("/dev/null");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().remove("NO_COLOR");
    pb.environment().put("TERM", "xterm");
    if (noColor != null) {
      pb.environment().put("NO_COLOR", noColor);
    }
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("script did not exit");
    }
    return new String(out, StandardCharsets.UTF_8);
  }
}
