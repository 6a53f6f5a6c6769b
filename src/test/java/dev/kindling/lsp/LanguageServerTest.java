package dev.kindling.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletionException;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The language server through a real LSP4J client over piped streams, as an editor uses it. */
class LanguageServerTest {
  private static final String URI = "file:///work/user-data.yaml";

  private LspSession session;

  @BeforeEach
  void start() throws Exception {
    session = new LspSession();
  }

  @AfterEach
  void stop() throws Exception {
    session.close();
  }

  @Test
  void initialize_announcesFullSyncHoverCompletionAndQuickFixesInUtf16() {
    InitializeResult result = session.initialize(false);
    assertThat(result.getServerInfo().getName()).isEqualTo("kindling");
    assertThat(result.getCapabilities().getTextDocumentSync().getRight().getChange())
        .isEqualTo(TextDocumentSyncKind.Full);
    assertThat(result.getCapabilities().getTextDocumentSync().getRight().getOpenClose()).isTrue();
    assertThat(result.getCapabilities().getHoverProvider().getLeft()).isTrue();
    assertThat(result.getCapabilities().getCompletionProvider()).isNotNull();
    assertThat(result.getCapabilities().getCodeActionProvider().getRight().getCodeActionKinds())
        .contains("quickfix");
    assertThat(result.getCapabilities().getPositionEncoding()).isEqualTo("utf-16");
  }

  @Test
  void typo_diagnosticOnTheKey_quickFixApplied_diagnosticsClear() throws Exception {
    session.initialize(true);
    String text =
        "#cloud-config\n"
            + "hostname: node1\n"
            + "coreos:\n"
            + "  update:\n"
            + "    group: stable\n"
            + "    reboot_stratgy: reboot\n";
    session.open(URI, 1, text);
    PublishDiagnosticsParams published = session.diagnostics(URI);
    assertThat(published.getVersion()).isEqualTo(1);
    assertThat(published.getDiagnostics()).hasSize(1);
    Diagnostic d = published.getDiagnostics().get(0);
    assertThat(d.getRange()).isEqualTo(new Range(new Position(5, 4), new Position(5, 18)));
    assertThat(d.getSeverity()).isEqualTo(DiagnosticSeverity.Warning);
    assertThat(d.getCode().getLeft()).isEqualTo("unknown-key");
    assertThat(d.getSource()).isEqualTo("kindling");
    assertThat(d.getMessage().getLeft())
        .isEqualTo("unrecognized key \"reboot_stratgy\"\nhint: did you mean \"reboot_strategy\"?");
    assertThat(d.getCodeDescription().getHref()).endsWith("docs/codes.md#unknown-key");

    List<CodeAction> actions = session.codeActions(URI, d.getRange());
    assertThat(actions)
        .extracting(CodeAction::getTitle)
        .containsExactly("Change to \"reboot_strategy\"");
    CodeAction fix = actions.get(0);
    assertThat(fix.getKind()).isEqualTo("quickfix");
    assertThat(fix.getIsPreferred()).isTrue();
    assertThat(fix.getDiagnostics()).containsExactly(d);
    var change = fix.getEdit().getDocumentChanges().get(0).getLeft();
    assertThat(change.getTextDocument().getVersion()).isEqualTo(1);
    List<TextEdit> edits = change.getEdits().stream().map(e -> e.getLeft()).toList();
    String fixed = LspSession.apply(text, edits);
    assertThat(fixed).endsWith("    group: stable\n    reboot_strategy: reboot\n");

    session.change(URI, 2, fixed);
    PublishDiagnosticsParams after = session.diagnostics(URI);
    assertThat(after.getVersion()).isEqualTo(2);
    assertThat(after.getDiagnostics()).isEmpty();
  }

  @Test
  void diagnosticRange_countsUtf16CodeUnits() throws Exception {
    session.initialize(false);
    session.open(
        URI, 1, "#cloud-config\nwrite_files:\n  - {path: \"/etc/\uD83D\uDE00\", bogus: 1}\n");
    Diagnostic d = session.diagnostics(URI).getDiagnostics().get(0);
    assertThat(d.getCode().getLeft()).isEqualTo("unknown-key");
    // "bogus" is code point 21 of the line; the emoji before it is two UTF-16 code units
    assertThat(d.getRange()).isEqualTo(new Range(new Position(2, 22), new Position(2, 27)));
  }

  @Test
  void changes_publishOnlyTheLatestVersion() throws Exception {
    session.initialize(false);
    session.open(URI, 1, "#cloud-config\nhostname: a\n");
    assertThat(session.diagnostics(URI).getDiagnostics()).isEmpty();
    session.change(URI, 2, "#cloud-config\nhostnme: a\n");
    session.change(URI, 3, "#cloud-config\nhostnam: a\n");
    session.change(URI, 4, "#cloud-config\nhostname: a\nbogus: 1\n");
    PublishDiagnosticsParams published = session.diagnostics(URI);
    while (published.getVersion() < 4) {
      published = session.diagnostics(URI); // a slow machine may have paused between changes
    }
    assertThat(published.getVersion()).isEqualTo(4);
    assertThat(published.getDiagnostics())
        .extracting(d -> d.getRange().getStart().getLine())
        .containsExactly(2);
  }

  @Test
  void deprecatedAndDashedKeys_areTaggedDeprecated_errorsAreErrors() throws Exception {
    session.initialize(false);
    session.open(
        URI,
        1,
        "#cloud-config\ncoreos:\n  etcd2:\n    name: a\n  update:\n    reboot-strategy: sometimes\n");
    List<Diagnostic> diagnostics = session.diagnostics(URI).getDiagnostics();
    assertThat(diagnostics)
        .extracting(d -> d.getCode().getLeft())
        .containsExactly("deprecated-key", "dash-key", "invalid-value");
    assertThat(diagnostics.get(0).getTags()).containsExactly(DiagnosticTag.Deprecated);
    assertThat(diagnostics.get(1).getTags()).containsExactly(DiagnosticTag.Deprecated);
    assertThat(diagnostics.get(1).getSeverity()).isEqualTo(DiagnosticSeverity.Information);
    assertThat(diagnostics.get(2).getSeverity()).isEqualTo(DiagnosticSeverity.Error);
    assertThat(diagnostics.get(2).getRange())
        .isEqualTo(new Range(new Position(5, 21), new Position(5, 30)));
  }

  @Test
  void otherYaml_getsNoDiagnostics_aMisspeltHeaderDoes() throws Exception {
    session.initialize(false);
    session.open("file:///work/compose.yaml", 1, "services:\n  web: {}\n");
    assertThat(session.diagnostics("file:///work/compose.yaml").getDiagnostics()).isEmpty();
    session.open("file:///work/node.yaml", 1, "#cloud-confg\nhostname: a\n");
    List<Diagnostic> diagnostics = session.diagnostics("file:///work/node.yaml").getDiagnostics();
    assertThat(diagnostics)
        .extracting(d -> d.getCode().getLeft())
        .containsExactly("not-cloud-config");
    assertThat(session.hover("file:///work/compose.yaml", 0, 1)).isNull();
    session.open("file:///work/build.yaml", 1, "# Cloud Build settings\nsteps: []\n");
    assertThat(session.diagnostics("file:///work/build.yaml").getDiagnostics()).isEmpty();
  }

  @Test
  void close_withdrawsTheDiagnostics() throws Exception {
    session.initialize(false);
    session.open(URI, 1, "#cloud-config\nbogus: 1\n");
    assertThat(session.diagnostics(URI).getDiagnostics()).hasSize(1);
    session.close(URI);
    assertThat(session.diagnostics(URI).getDiagnostics()).isEmpty();
  }

  @Test
  void hover_describesTheKeyFromTheSchema() throws Exception {
    session.initialize(false);
    session.open(
        URI,
        1,
        "#cloud-config\n"
            + "coreos:\n"
            + "  update:\n"
            + "    reboot_strategy: \"off\"\n"
            + "  etcd2:\n"
            + "    name: node1\n"
            + "write_files:\n"
            + "  - path: /etc/motd\n"
            + "    permissions: \"0644\"\n");
    Hover strategy = session.hover(URI, 3, 6);
    assertThat(strategy.getContents().getRight().getKind()).isEqualTo("markdown");
    assertThat(strategy.getContents().getRight().getValue())
        .contains("**reboot_strategy** `coreos.update.reboot_strategy`: string")
        .contains("`REBOOT_STRATEGY=` in `/etc/coreos/update.conf`")
        .contains("One of `etcd-lock`, `reboot`, `off`.");
    assertThat(strategy.getRange()).isEqualTo(new Range(new Position(3, 4), new Position(3, 19)));
    assertThat(session.hover(URI, 5, 5).getContents().getRight().getValue())
        .contains("`ETCD_NAME=` in the environment of `etcd2.service`")
        .contains("/run/systemd/system/etcd2.service.d/20-cloudinit.conf");
    assertThat(session.hover(URI, 4, 3).getContents().getRight().getValue())
        .contains("**Deprecated:** Etcd2 is no longer shipped in Container Linux.");
    assertThat(session.hover(URI, 8, 6).getContents().getRight().getValue())
        .contains("`write_files[].permissions`")
        .contains("Octal mode");
    assertThat(session.hover(URI, 3, 24)).as("on a value").isNull();
    assertThat(session.hover(URI, 0, 3)).as("on the header").isNull();
  }

  @Test
  void completion_offersTheKeysOfTheMappingAtTheCursor() throws Exception {
    session.initialize(false);
    session.open(URI, 1, "#cloud-config\ncoreos:\n  update:\n    group: stable\n    \n");
    assertThat(session.diagnostics(URI).getDiagnostics()).isEmpty();
    List<CompletionItem> items = session.completion(URI, 4, 4);
    assertThat(items)
        .extracting(CompletionItem::getLabel)
        .containsExactly("reboot_strategy", "server");
    assertThat(items.get(0).getTextEdit().getLeft().getNewText()).isEqualTo("reboot_strategy: ");
    assertThat(items.get(0).getDocumentation().getRight().getValue()).contains("REBOOT_STRATEGY");
  }

  @Test
  void completion_topLevelAndNewSequenceEntries() throws Exception {
    session.initialize(false);
    session.open(URI, 1, "#cloud-config\nwr\nusers:\n  - name: a\n    groups: [a]\n  - n\n");
    List<CompletionItem> top = session.completion(URI, 1, 2);
    assertThat(top)
        .extracting(CompletionItem::getLabel)
        .contains("write_files", "hostname", "coreos");
    CompletionItem files =
        top.stream().filter(i -> i.getLabel().equals("write_files")).findFirst().orElseThrow();
    assertThat(files.getTextEdit().getLeft().getNewText()).isEqualTo("write_files:");
    assertThat(files.getTextEdit().getLeft().getRange())
        .isEqualTo(new Range(new Position(1, 0), new Position(1, 2)));
    List<CompletionItem> user = session.completion(URI, 5, 5);
    assertThat(user).extracting(CompletionItem::getLabel).contains("name", "groups", "passwd");
    CompletionItem github =
        user.stream()
            .filter(i -> i.getLabel().equals("coreos_ssh_import_github"))
            .findFirst()
            .orElseThrow();
    assertThat(github.getTags()).isNotEmpty();
  }

  @Test
  void completion_offersEnumeratedValues() throws Exception {
    session.initialize(false);
    session.open(
        URI,
        1,
        "#cloud-config\n"
            + "coreos:\n"
            + "  update:\n"
            + "    reboot_strategy: \n"
            + "  units:\n"
            + "    - name: a.service\n"
            + "      command: re\n"
            + "      enable: \n"
            + "write_files:\n"
            + "  - path: /a\n"
            + "    encoding: \n");
    assertThat(session.completion(URI, 3, 21))
        .extracting(CompletionItem::getLabel)
        .containsExactly("etcd-lock", "reboot", "off");
    List<CompletionItem> commands = session.completion(URI, 6, 17);
    assertThat(commands)
        .extracting(CompletionItem::getLabel)
        .contains("start", "reload-or-restart");
    assertThat(commands.get(0).getTextEdit().getLeft().getRange())
        .isEqualTo(new Range(new Position(6, 15), new Position(6, 17)));
    assertThat(session.completion(URI, 7, 14))
        .extracting(CompletionItem::getLabel)
        .containsExactly("true", "false");
    assertThat(session.completion(URI, 10, 14))
        .extracting(CompletionItem::getLabel)
        .contains("base64", "gzip+base64");
  }

  @Test
  void codeAction_movesAMisplacedKeyUnderCoreos() throws Exception {
    session.initialize(false);
    String text =
        "#cloud-config\n"
            + "units:\n"
            + "  - name: a.service\n"
            + "    command: start\n"
            + "coreos:\n"
            + "  update:\n"
            + "    reboot_strategy: reboot\n";
    session.open(URI, 1, text);
    Diagnostic d = session.diagnostics(URI).getDiagnostics().get(0);
    assertThat(d.getCode().getLeft()).isEqualTo("misplaced-key");
    List<CodeAction> actions = session.codeActions(URI, d.getRange());
    assertThat(actions)
        .extracting(CodeAction::getTitle)
        .containsExactly("Move \"units\" under coreos:");
    String moved = LspSession.apply(text, actions.get(0).getEdit().getChanges().get(URI));
    assertThat(moved)
        .isEqualTo(
            "#cloud-config\n"
                + "coreos:\n"
                + "  units:\n"
                + "    - name: a.service\n"
                + "      command: start\n"
                + "  update:\n"
                + "    reboot_strategy: reboot\n");
    session.change(URI, 2, moved);
    assertThat(session.diagnostics(URI).getDiagnostics()).isEmpty();
  }

  @Test
  void codeAction_permissions_decimalFixedAndPlainModeQuoted() throws Exception {
    session.initialize(false);
    String text =
        "#cloud-config\n"
            + "write_files:\n"
            + "  - path: /etc/a\n"
            + "    permissions: 420\n"
            + "  - path: /etc/b\n"
            + "    permissions: 644\n";
    session.open(URI, 1, text);
    Diagnostic d = session.diagnostics(URI).getDiagnostics().get(0);
    assertThat(d.getCode().getLeft()).isEqualTo("decimal-permissions");
    assertThat(d.getRange()).isEqualTo(new Range(new Position(3, 17), new Position(3, 20)));
    List<CodeAction> decimal = session.codeActions(URI, d.getRange());
    assertThat(decimal)
        .extracting(CodeAction::getTitle)
        .containsExactly("Change to \"0644\"", "Quote the mode as \"0420\"");
    assertThat(LspSession.apply(text, decimal.get(0).getEdit().getChanges().get(URI)))
        .contains("    permissions: \"0644\"\n  - path: /etc/b\n");
    List<CodeAction> plain =
        session.codeActions(URI, new Range(new Position(5, 18), new Position(5, 18)));
    assertThat(plain)
        .extracting(CodeAction::getTitle)
        .containsExactly("Quote the mode as \"0644\"");
    assertThat(plain.get(0).getKind()).isEqualTo("refactor.rewrite");
    assertThat(LspSession.apply(text, plain.get(0).getEdit().getChanges().get(URI)))
        .endsWith("    permissions: \"0644\"\n");
  }

  @Test
  void codeAction_invalidEnumValue_closestIsPreferred() throws Exception {
    session.initialize(false);
    session.open(
        URI, 1, "#cloud-config\ncoreos:\n  units:\n    - name: a.service\n      command: Start\n");
    Diagnostic d = session.diagnostics(URI).getDiagnostics().get(0);
    List<CodeAction> actions = session.codeActions(URI, d.getRange());
    assertThat(actions).hasSize(7);
    assertThat(actions.stream().filter(a -> Boolean.TRUE.equals(a.getIsPreferred())))
        .extracting(CodeAction::getTitle)
        .containsExactly("Change to \"start\"");
  }

  @Test
  void requests_beforeInitializeAndAfterShutdown_areRefused() throws Exception {
    assertThatThrownBy(() -> session.hover(URI, 0, 0))
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            ResponseErrorException.class,
            e -> assertThat(e.getResponseError().getCode()).isEqualTo(-32002));
    session.initialize(false);
    LspSession.join(session.server.shutdown());
    assertThatThrownBy(() -> session.hover(URI, 0, 0))
        .cause()
        .isInstanceOfSatisfying(
            ResponseErrorException.class,
            e -> assertThat(e.getResponseError().getCode()).isEqualTo(-32600));
    session.server.exit();
    assertThat(session.status()).isZero();
  }

  @Test
  void exit_withoutShutdown_exitsOne() {
    session.initialize(false);
    session.server.exit();
    assertThat(session.status()).isEqualTo(1);
  }

  @Test
  void endOfInput_afterShutdown_exitsZero() throws Exception {
    session.initialize(false);
    LspSession.join(session.server.shutdown());
    session.closeInput();
    assertThat(session.status()).isZero();
  }

  @Test
  void hostileDocuments_getTheValidatorsLimits_andTheServerGoesOn() throws Exception {
    session.initialize(false);
    StringBuilder bomb =
        new StringBuilder("#cloud-config\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      bomb.append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1))));
      bomb.append("]\n");
    }
    session.open(URI, 1, bomb.toString());
    assertThat(session.diagnostics(URI).getDiagnostics())
        .extracting(d -> d.getCode().getLeft())
        .contains("yaml-syntax");

    String huge = "#cloud-config\n# " + "x".repeat(9 * 1024 * 1024) + "\nhostname: a\n";
    session.open("file:///work/huge.yaml", 1, huge);
    List<Diagnostic> limited = session.diagnostics("file:///work/huge.yaml").getDiagnostics();
    assertThat(limited).extracting(d -> d.getCode().getLeft()).containsExactly("yaml-syntax");
    assertThat(limited.get(0).getMessage().getLeft()).contains("exceeds the limit");
    assertThat(session.hover("file:///work/huge.yaml", 2, 2)).isNull();
    assertThat(session.completion("file:///work/huge.yaml", 2, 0)).isEmpty();

    session.change(URI, 2, "#cloud-config\nhostname: a\n");
    assertThat(session.diagnostics(URI).getDiagnostics()).isEmpty();
  }
}
