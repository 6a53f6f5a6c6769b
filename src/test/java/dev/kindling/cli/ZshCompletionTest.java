package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code kindling completion zsh} is a native zsh script that covers the whole command model: every
 * subcommand with its summary, every visible option of each with its description, and values.
 */
class ZshCompletionTest {
  @TempDir Path tmp;

  private static final String SCRIPT = Cli.kindling("completion", "zsh").out();

  /** The body of the function that completes {@code sub}. */
  private static String function(String sub) {
    String start = ZshCompletion.function("kindling", sub) + "() {\n";
    int from = SCRIPT.indexOf(start);
    assertThat(from).as(sub + "'s function").isGreaterThanOrEqualTo(0);
    return SCRIPT.substring(from, SCRIPT.indexOf("\n}\n", from));
  }

  @Test
  void everySubcommandAndEveryOption_ofTheModel_isCompleted() {
    CommandLine model = CompletionCommand.model();
    assertThat(model.getSubcommands()).hasSizeGreaterThan(5);
    for (Map.Entry<String, CommandLine> sub : model.getSubcommands().entrySet()) {
      String name = sub.getKey();
      String summary = CompletionCommand.summary(sub.getValue().getCommandSpec());
      assertThat(SCRIPT).contains("    " + ZshCompletion.quoted(name + ":" + summary) + "\n");
      assertThat(SCRIPT)
          .contains("        " + name + ") " + ZshCompletion.function("kindling", name));
      String body = function(name);
      for (OptionSpec option : sub.getValue().getCommandSpec().options()) {
        if (option.hidden()) {
          continue;
        }
        for (String optionName : option.names()) {
          assertThat(body)
              .as(name + " " + optionName)
              .containsPattern(
                  "'[*]?(\\([^)]*\\))?" + java.util.regex.Pattern.quote(optionName) + "=?\\[");
        }
      }
    }
  }

  @Test
  void optionValues_choicesAndFiles() {
    assertThat(function("validate"))
        .contains(
            "'--color=[Colour the output: auto (on a terminal, unless NO_COLOR is set), always or never (default: auto).]:WHEN:(auto always never)'")
        .contains(
            "'(-q --quiet)-q[Log only warnings and errors; validate prints no summary line.]'")
        .contains("'*-v[Log more (-v: debug, -vv: trace).]'")
        .containsPattern("'--format=\\[[^]]*\\]:[A-Za-z|]+:\\(text json sarif\\)'");
    assertThat(function("render"))
        .contains(":text|json|dot:(text json dot)'")
        .containsPattern("'--root=\\[[^]]*\\]:DIR:_files -/'")
        .containsPattern("'--metadata=\\[[^]]*\\]:FILE:_files'");
    assertThat(function("completion")).contains("'1:SHELL:(bash zsh fish)'");
    assertThat(function("explain"))
        .containsPattern("'1:CODE:\\([^)]*yaml-syntax [^)]*incorrect-type [^)]*\\)'");
    assertThat(function("help")).containsPattern("'1:[^:]*:\\(validate .*\\)'");
  }

  @Test
  void script_isNativeZsh_parsesWithZshN() throws Exception {
    assertThat(SCRIPT).startsWith("#compdef kindling\n").doesNotContain("bashcompinit");
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/zsh")), "zsh is installed (apt-get install zsh)");
    Path script = Files.writeString(tmp.resolve("_kindling"), SCRIPT, StandardCharsets.UTF_8);
    Process zsh =
        new ProcessBuilder("/usr/bin/zsh", "-n", script.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(zsh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(zsh.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(zsh.exitValue()).as(out).isZero();
  }
}
