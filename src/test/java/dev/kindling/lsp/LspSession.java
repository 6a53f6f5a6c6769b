package dev.kindling.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A language client (LSP4J) connected to {@link LanguageServerRunner} in the same JVM over piped
 * streams: what an editor does, with the JSON-RPC framing in between.
 */
final class LspSession implements AutoCloseable {
  private final BlockingQueue<PublishDiagnosticsParams> published = new LinkedBlockingQueue<>();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final PipedOutputStream toServer = new PipedOutputStream();
  private final PipedOutputStream toClient = new PipedOutputStream();
  private final CompletableFuture<Integer> status;
  private final Future<Void> listening;
  final LanguageServer server;

  LspSession() throws IOException {
    PipedInputStream serverIn = new PipedInputStream(toServer, 1 << 16);
    PipedInputStream clientIn = new PipedInputStream(toClient, 1 << 16);
    status =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return LanguageServerRunner.run(serverIn, toClient, "test");
              } catch (InterruptedException e) {
                throw new CompletionException(e);
              }
            },
            threads);
    Launcher<LanguageServer> launcher =
        LSPLauncher.createClientLauncher(new Client(), clientIn, toServer, threads, null);
    listening = launcher.startListening();
    server = launcher.getRemoteProxy();
  }

  /** initialize + initialized; {@code versioned}: the client takes versioned document edits. */
  InitializeResult initialize(boolean versioned) {
    InitializeParams params = new InitializeParams();
    ClientCapabilities capabilities = new ClientCapabilities();
    WorkspaceClientCapabilities workspace = new WorkspaceClientCapabilities();
    WorkspaceEditCapabilities edits = new WorkspaceEditCapabilities();
    edits.setDocumentChanges(versioned);
    workspace.setWorkspaceEdit(edits);
    capabilities.setWorkspace(workspace);
    params.setCapabilities(capabilities);
    InitializeResult result = join(server.initialize(params));
    server.initialized(new InitializedParams());
    return result;
  }

  void open(String uri, int version, String text) {
    server
        .getTextDocumentService()
        .didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "yaml", version, text)));
  }

  void change(String uri, int version, String text) {
    server
        .getTextDocumentService()
        .didChange(
            new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version),
                List.of(new TextDocumentContentChangeEvent(text))));
  }

  void close(String uri) {
    server
        .getTextDocumentService()
        .didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
  }

  /** The next diagnostics published for {@code uri} (others are skipped). */
  PublishDiagnosticsParams diagnostics(String uri) throws InterruptedException {
    while (true) {
      PublishDiagnosticsParams next = published.poll(20, TimeUnit.SECONDS);
      assertThat(next).as("diagnostics for %s within 20 s", uri).isNotNull();
      if (next.getUri().equals(uri)) {
        return next;
      }
    }
  }

  /** Whether anything was published in {@code millis}. */
  PublishDiagnosticsParams nextWithin(long millis) throws InterruptedException {
    return published.poll(millis, TimeUnit.MILLISECONDS);
  }

  Hover hover(String uri, int line, int character) {
    return join(
        server
            .getTextDocumentService()
            .hover(
                new HoverParams(new TextDocumentIdentifier(uri), new Position(line, character))));
  }

  List<CompletionItem> completion(String uri, int line, int character) {
    return join(server
            .getTextDocumentService()
            .completion(
                new CompletionParams(
                    new TextDocumentIdentifier(uri), new Position(line, character))))
        .getRight()
        .getItems();
  }

  List<CodeAction> codeActions(String uri, Range range) {
    List<Either<Command, CodeAction>> actions =
        join(
            server
                .getTextDocumentService()
                .codeAction(
                    new CodeActionParams(
                        new TextDocumentIdentifier(uri), range, new CodeActionContext(List.of()))));
    return actions.stream().map(Either::getRight).toList();
  }

  /** The exit status the server returned. */
  int status() {
    return status.orTimeout(20, TimeUnit.SECONDS).join();
  }

  /** Closes the server's input, as a client that goes away does. */
  void closeInput() throws IOException {
    toServer.close();
  }

  @Override
  public void close() throws IOException {
    toServer.close();
    toClient.close();
    listening.cancel(true);
    threads.shutdownNow();
  }

  static <T> T join(CompletableFuture<T> future) {
    return future.orTimeout(20, TimeUnit.SECONDS).join();
  }

  /** Applies LSP text edits to a text. */
  static String apply(String text, List<TextEdit> edits) {
    TextDocument document = new TextDocument("x", 0, text);
    List<TextEdit> sorted = new ArrayList<>(edits);
    sorted.sort(
        Comparator.comparingInt((TextEdit e) -> document.offset(e.getRange().getStart()))
            .reversed());
    StringBuilder out = new StringBuilder(text);
    for (TextEdit edit : sorted) {
      out.replace(
          document.offset(edit.getRange().getStart()),
          document.offset(edit.getRange().getEnd()),
          edit.getNewText());
    }
    return out.toString();
  }

  private final class Client implements LanguageClient {
    @Override
    public void publishDiagnostics(PublishDiagnosticsParams diagnostics) {
      published.add(diagnostics);
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void showMessage(MessageParams messageParams) {}

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(
        ShowMessageRequestParams requestParams) {
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {}
  }
}
