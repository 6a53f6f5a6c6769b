package dev.kindling.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.junit.jupiter.api.Test;

class QuickFixesTest {
  private static List<QuickFixes.Fix> fixes(String text, int line) {
    Analysis analysis = Analysis.of(new TextDocument("file:///u.yaml", 1, text));
    return QuickFixes.in(analysis, new Range(new Position(line, 0), new Position(line, 0)));
  }

  @Test
  void placesIn_readsTheMisplacedKeyHints() {
    assertThat(QuickFixes.placesIn("\"units\" belongs elsewhere: did you mean \"coreos.units[]\"?"))
        .containsExactly(List.of("coreos", "units"));
    assertThat(
            QuickFixes.placesIn(
                "\"ssh_authorized_keys\" belongs elsewhere: did you mean \"ssh_authorized_keys\" at"
                    + " the top level or \"users[].ssh_authorized_keys\"?"))
        .containsExactly(List.of("ssh_authorized_keys"));
    assertThat(QuickFixes.placesIn("did you mean \"hostname\"?"))
        .containsExactly(List.of("hostname"));
    assertThat(QuickFixes.placesIn("no suggestion")).isEmpty();
  }

  @Test
  void dashedKey_isSpelledWithUnderscores() {
    List<QuickFixes.Fix> fixes =
        fixes("#cloud-config\ncoreos:\n  update:\n    reboot-strategy: reboot\n", 3);
    assertThat(fixes)
        .extracting(QuickFixes.Fix::title)
        .containsExactly("Spell it \"reboot_strategy\"");
    assertThat(fixes.get(0).edits().get(0).getRange())
        .isEqualTo(new Range(new Position(3, 4), new Position(3, 19)));
  }

  @Test
  void symbolicAndPrefixedModes_becomeOctalInQuotes() {
    List<QuickFixes.Fix> fixes =
        fixes("#cloud-config\nwrite_files:\n  - path: /a\n    permissions: 0o755\n", 3);
    assertThat(fixes).extracting(QuickFixes.Fix::title).containsExactly("Change to \"0755\"");
  }

  @Test
  void writeFilesUnderCoreos_isMovedToTheTopLevelOnce() {
    List<QuickFixes.Fix> fixes =
        fixes("#cloud-config\ncoreos:\n  write_files:\n    - path: /etc/motd\n", 2);
    assertThat(fixes)
        .extracting(QuickFixes.Fix::title)
        .containsExactly("Move \"write_files\" to the top level");
  }

  @Test
  void unitSection_didYouMeanReplacesTheHeader() {
    String text =
        "#cloud-config\ncoreos:\n  units:\n    - name: a.service\n      content: |\n        [Servce]\n        ExecStart=/bin/true\n";
    List<QuickFixes.Fix> fixes = fixes(text, 5);
    assertThat(fixes).extracting(QuickFixes.Fix::title).containsExactly("Change to [Service]");
    assertThat(LspSession.apply(text, fixes.get(0).edits())).contains("        [Service]\n");
  }

  @Test
  void notUserData_hasNoFixes() {
    assertThat(fixes("permissions: 644\n", 0)).isEmpty();
  }
}
