package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.config.Code;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The surface of the kindling command: help, explain, completion, man pages, common options. */
class CliSurfaceTest {
  @TempDir Path tmp;

  @Test
  void help_everySummaryIsAWholeSentence_shownWhole() {
    String help = Cli.kindling("--help").out().replaceAll("\\s+", " ");
    CommandLine model = CompletionCommand.model();
    assertThat(model.getSubcommands()).containsKeys("validate", "render", "run", "explain", "help");
    for (Map.Entry<String, CommandLine> sub : model.getSubcommands().entrySet()) {
      String summary = CompletionCommand.summary(sub.getValue().getCommandSpec());
      assertThat(summary).as(sub.getKey()).endsWith(".");
      assertThat(help).as(sub.getKey()).contains(sub.getKey() + " " + summary);
    }
  }

  @Test
  void everyCommand_takesQuietVerboseColorAndHelp() {
    for (Map.Entry<String, CommandLine> sub :
        CompletionCommand.model().getSubcommands().entrySet()) {
      if (sub.getKey().equals("help")) {
        continue;
      }
      CommandSpec spec = sub.getValue().getCommandSpec();
      for (String option : new String[] {"-q", "--quiet", "-v", "--verbose", "--color", "--help"}) {
        assertThat(spec.findOption(option)).as(sub.getKey() + " " + option).isNotNull();
      }
      Cli.Run r = Cli.kindling("help", sub.getKey());
      assertThat(r.status()).as(sub.getKey()).isZero();
      assertThat(r.out()).as(sub.getKey()).startsWith("Usage: kindling " + sub.getKey());
    }
  }

  @Test
  void explain_code_meaningExampleOutputAndFix() {
    Cli.Run r = Cli.kindling("explain", "incorrect-type");

    assertThat(r.status()).isZero();
    assertThat(r.out())
        .startsWith("incorrect-type: " + Code.INCORRECT_TYPE.summary() + "\n")
        .contains(
            "user-data:4:13: error: incorrect type for \"groups\" (want a list of strings)",
            "Fix: ",
            "docs/codes.md#incorrect-type");
  }

  @Test
  void explain_unknownCode_didYouMean_exit2_listWithoutCode() {
    Cli.Run r = Cli.kindling("explain", "incorect-type");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("did you mean \"incorrect-type\"?");

    Cli.Run all = Cli.kindling("explain");
    assertThat(all.status()).isZero();
    assertThat(all.out().lines()).hasSize(Code.values().length);
  }

  @Test
  void completion_bashZshFish_unknownShellExit2() {
    assertThat(Cli.kindling("completion", "bash").out())
        .contains("_complete_kindling")
        .contains("validate");
    assertThat(Cli.kindling("completion", "zsh").out()).startsWith("#compdef kindling\n");
    assertThat(Cli.kindling("completion", "fish").out())
        .contains("complete -c kindling -n __fish_use_subcommand -a validate -d ")
        .contains("complete -c kindling -n '__fish_seen_subcommand_from validate' -l format -r");
    assertThat(Cli.kindling("completion", "tcsh").status()).isEqualTo(2);
  }

  @Test
  void manPages_oneForKindlingAndEachCommand_fromTheModel() throws IOException {
    ManPages.main(new String[] {tmp.toString()});

    String top = Files.readString(tmp.resolve("kindling.1"), StandardCharsets.UTF_8);
    assertThat(top).startsWith(".TH KINDLING 1 ").contains(".B validate");
    String validate = Files.readString(tmp.resolve("kindling-validate.1"), StandardCharsets.UTF_8);
    assertThat(validate)
        .contains(".SH NAME\nkindling\\-validate \\- Validate user data")
        .contains("\\fB\\-\\-strict\\fR")
        .doesNotContain("${DEFAULT-VALUE}");
    assertThat(tmp.resolve("kindling-render.1")).exists();
  }

  @Test
  void validate_quiet_noSummary_colorAlways_ansiSeverity() throws IOException {
    Path data =
        Files.writeString(
            tmp.resolve("a.yaml"), "#cloud-config\nhostnmae: a\n", StandardCharsets.UTF_8);

    assertThat(Cli.kindling("validate", "-q", data.toString()).out()).doesNotContain("checked");
    assertThat(Cli.kindling("validate", "--color=always", data.toString()).out())
        .contains(": \033[1;33mwarning\033[0m: unrecognized key");
    assertThat(Cli.kindling("validate", "--color=never", data.toString()).out())
        .doesNotContain("\033[");
  }

  @Test
  void color_auto_onlyOnATerminalWithoutNoColor() {
    LoggingOptions.Color auto = LoggingOptions.Color.AUTO;
    assertThat(LoggingOptions.colorOn(auto, Map.of(), true)).isTrue();
    assertThat(LoggingOptions.colorOn(auto, Map.of(), false)).isFalse();
    assertThat(LoggingOptions.colorOn(auto, Map.of("NO_COLOR", "1"), true)).isFalse();
    assertThat(LoggingOptions.colorOn(auto, Map.of("TERM", "dumb"), true)).isFalse();
    assertThat(LoggingOptions.colorOn(LoggingOptions.Color.ALWAYS, Map.of("NO_COLOR", "1"), false))
        .isTrue();
    assertThat(LoggingOptions.level(0, true)).isEqualTo("warn");
    assertThat(LoggingOptions.level(1, true)).isEqualTo("debug");
  }

  @Test
  void validate_script_saidNotChecked() throws IOException {
    Path script =
        Files.writeString(tmp.resolve("s.yaml"), "#!/bin/sh\necho hi\n", StandardCharsets.UTF_8);

    assertThat(Cli.kindling("validate", script.toString()).out())
        .isEqualTo(
            "0 files checked, 1 not checked (scripts and Ignition configs are not validated): 0"
                + " errors, 0 warnings, 0 infos\n");
  }
}
