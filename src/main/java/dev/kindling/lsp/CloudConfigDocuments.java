package dev.kindling.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code textDocument/*} side of the server: keeps the open documents, has them validated
 * ({@link DiagnosticsPublisher}), and answers hover, completion and code action requests on the
 * worker thread, never on the thread that reads the client's messages.
 */
final class CloudConfigDocuments implements TextDocumentService {
  private static final Logger LOG = LoggerFactory.getLogger(CloudConfigDocuments.class);

  private final Lifecycle lifecycle;
  private final OpenDocuments documents;
  private final DiagnosticsPublisher publisher;
  private final Executor worker;

  CloudConfigDocuments(
      Lifecycle lifecycle,
      OpenDocuments documents,
      DiagnosticsPublisher publisher,
      Executor worker) {
    this.lifecycle = lifecycle;
    this.documents = documents;
    this.publisher = publisher;
    this.worker = worker;
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    if (!lifecycle.acceptsNotifications()) {
      return;
    }
    String uri = params.getTextDocument().getUri();
    documents.put(uri, params.getTextDocument().getVersion(), params.getTextDocument().getText());
    publisher.schedule(uri, 0);
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    List<TextDocumentContentChangeEvent> changes = params.getContentChanges();
    if (!lifecycle.acceptsNotifications() || changes.isEmpty()) {
      return;
    }
    String uri = params.getTextDocument().getUri();
    // full synchronisation: the last change holds the whole text
    documents.put(
        uri, params.getTextDocument().getVersion(), changes.get(changes.size() - 1).getText());
    publisher.schedule(uri, DiagnosticsPublisher.DEBOUNCE_MILLIS);
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    if (!lifecycle.acceptsNotifications()) {
      return;
    }
    String uri = params.getTextDocument().getUri();
    documents.remove(uri);
    publisher.clear(uri);
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    // the text arrived with didChange; saving changes nothing
  }

  @Override
  public CompletableFuture<Hover> hover(HoverParams params) {
    return answer(
        params.getTextDocument().getUri(),
        analysis -> analysis.outline().flatMap(o -> KeyHover.at(o, params.getPosition())),
        null);
  }

  @Override
  public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(
      CompletionParams params) {
    return answer(
        params.getTextDocument().getUri(),
        analysis ->
            analysis
                .outline()
                .map(o -> Completions.at(o, params.getPosition()))
                .map(items -> Either.forRight(new CompletionList(false, items))),
        Either.forRight(new CompletionList(false, List.of())));
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    String uri = params.getTextDocument().getUri();
    return answer(
        uri,
        analysis -> {
          List<Either<Command, CodeAction>> actions = new ArrayList<>();
          for (QuickFixes.Fix fix : QuickFixes.in(analysis, params.getRange())) {
            CodeAction action = new CodeAction(fix.title());
            action.setKind(fix.kind());
            fix.diagnostic().ifPresent(d -> action.setDiagnostics(List.of(d)));
            if (fix.preferred()) {
              action.setIsPreferred(true);
            }
            action.setEdit(edit(uri, analysis.document().version(), fix));
            actions.add(Either.forRight(action));
          }
          return Optional.of(actions);
        },
        List.of());
  }

  private WorkspaceEdit edit(String uri, int version, QuickFixes.Fix fix) {
    if (!lifecycle.versionedEdits()) {
      return new WorkspaceEdit(Map.of(uri, fix.edits()));
    }
    List<Either<org.eclipse.lsp4j.TextEdit, org.eclipse.lsp4j.SnippetTextEdit>> edits =
        new ArrayList<>();
    fix.edits().forEach(e -> edits.add(Either.forLeft(e)));
    TextDocumentEdit change =
        new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, version), edits);
    WorkspaceEdit edit = new WorkspaceEdit();
    edit.setDocumentChanges(List.of(Either.forLeft(change)));
    return edit;
  }

  /**
   * Answers a request on the worker from the document's latest analysis: {@code empty} when the
   * document is not open or not user data, or when answering fails.
   */
  private <T> CompletableFuture<T> answer(
      String uri, Function<Analysis, Optional<T>> body, T empty) {
    Optional<CompletableFuture<T>> refused = lifecycle.refuseRequest();
    if (refused.isPresent()) {
      return refused.get();
    }
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return documents.analysis(uri).filter(Analysis::isUserData).flatMap(body).orElse(empty);
          } catch (RuntimeException e) {
            LOG.error("kindling lsp: request failed ({})", e.getClass().getName());
            return empty;
          }
        },
        worker);
  }
}
