package dev.kindling.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Runs the language server over a pair of streams (standard input and output for {@code kindling
 * lsp}) until the client sends {@code exit} or closes the input, and returns the exit status: 0
 * when a {@code shutdown} came first, else 1.
 */
public final class LanguageServerRunner {
  private LanguageServerRunner() {}

  /** Serves the client on {@code in}/{@code out}; returns the exit status. */
  public static int run(InputStream in, OutputStream out, String version)
      throws InterruptedException {
    ProtocolLogging.install();
    ScheduledExecutorService worker =
        Executors.newSingleThreadScheduledExecutor(daemon("kindling-lsp-worker"));
    ExecutorService reader = Executors.newCachedThreadPool(daemon("kindling-lsp-reader"));
    CompletableFuture<Integer> status = new CompletableFuture<>();
    try {
      KindlingLanguageServer server = new KindlingLanguageServer(worker, status::complete, version);
      Launcher<LanguageClient> launcher =
          LSPLauncher.createServerLauncher(server, in, out, reader, null);
      server.connect(launcher.getRemoteProxy());
      Future<Void> listening = launcher.startListening();
      Thread endOfInput =
          daemon("kindling-lsp-eof")
              .newThread(
                  () -> {
                    try {
                      listening.get();
                    } catch (ExecutionException | InterruptedException | CancellationException e) {
                      // the input is gone, or the server has exited: either way it is over
                    }
                    status.complete(server.statusAtEndOfInput());
                  });
      endOfInput.start();
      try {
        return status.get();
      } catch (ExecutionException e) {
        return 1;
      } finally {
        listening.cancel(true);
      }
    } finally {
      worker.shutdownNow();
      reader.shutdownNow();
    }
  }

  private static ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
