package dev.kindling.lsp;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.IntConsumer;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.PositionEncodingKind;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * Kindling's language server: diagnostics, hover, completion and quick fixes for cloud-config user
 * data, with full document synchronisation and UTF-16 positions.
 */
public final class KindlingLanguageServer implements LanguageServer, LanguageClientAware {
  private final Lifecycle lifecycle = new Lifecycle();
  private final ScheduledExecutorService worker;
  private final IntConsumer exit;
  private final String version;
  private final CloudConfigDocuments documents;
  private final WorkspaceService workspace = new NoWorkspace();
  private volatile LanguageClient client;

  /**
   * A server that does its work on {@code worker} (one thread keeps it to one core) and reports the
   * {@code exit} notification's status to {@code exit}.
   */
  public KindlingLanguageServer(ScheduledExecutorService worker, IntConsumer exit, String version) {
    this.worker = worker;
    this.exit = exit;
    this.version = version;
    OpenDocuments open = new OpenDocuments();
    this.documents =
        new CloudConfigDocuments(
            lifecycle, open, new DiagnosticsPublisher(worker, open, () -> client), worker);
  }

  @Override
  public void connect(LanguageClient languageClient) {
    this.client = languageClient;
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    if (!lifecycle.advance(Lifecycle.State.STARTED, Lifecycle.State.INITIALIZED)) {
      return Lifecycle.refused(ResponseErrorCode.InvalidRequest, "initialize was already called");
    }
    lifecycle.versionedEdits(
        Optional.ofNullable(params.getCapabilities())
            .map(ClientCapabilities::getWorkspace)
            .map(WorkspaceClientCapabilities::getWorkspaceEdit)
            .map(WorkspaceEditCapabilities::getDocumentChanges)
            .orElse(false));
    ServerCapabilities capabilities = new ServerCapabilities();
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    sync.setChange(TextDocumentSyncKind.Full);
    capabilities.setTextDocumentSync(sync);
    capabilities.setPositionEncoding(PositionEncodingKind.UTF16);
    capabilities.setHoverProvider(true);
    capabilities.setCompletionProvider(new CompletionOptions(false, List.of(" ")));
    capabilities.setCodeActionProvider(
        new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite)));
    return CompletableFuture.completedFuture(
        new InitializeResult(capabilities, new ServerInfo("kindling", version)));
  }

  @Override
  public void initialized(InitializedParams params) {
    // nothing to register dynamically
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    if (lifecycle.state() == Lifecycle.State.STARTED) {
      return Lifecycle.refused(ResponseErrorCode.ServerNotInitialized, "not initialized");
    }
    lifecycle.advance(Lifecycle.State.INITIALIZED, Lifecycle.State.SHUT_DOWN);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void exit() {
    worker.shutdownNow();
    exit.accept(lifecycle.exitStatus());
  }

  /** The status to exit with when the client closes the input without {@code exit}. */
  public int statusAtEndOfInput() {
    return lifecycle.exitStatus();
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return documents;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }

  /** The workspace side: nothing to do, the server checks open documents only. */
  private static final class NoWorkspace implements WorkspaceService {
    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
      // the server has no settings
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
      // only open documents are checked
    }
  }
}
