package dev.kindling.lsp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates documents on the server's one worker thread and publishes their diagnostics: at once
 * when a document opens, and a short quiet time after the last change, so that typing validates
 * each pause once rather than every keystroke.
 */
final class DiagnosticsPublisher {
  /** How long the text must stay unchanged before it is validated. */
  static final long DEBOUNCE_MILLIS = 200;

  private static final Logger LOG = LoggerFactory.getLogger(DiagnosticsPublisher.class);

  private final ScheduledExecutorService worker;
  private final OpenDocuments documents;
  private final Supplier<LanguageClient> client;
  private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

  DiagnosticsPublisher(
      ScheduledExecutorService worker, OpenDocuments documents, Supplier<LanguageClient> client) {
    this.worker = worker;
    this.documents = documents;
    this.client = client;
  }

  /** Validates the document after {@code delayMillis}, replacing a validation still waiting. */
  void schedule(String uri, long delayMillis) {
    pending.compute(
        uri,
        (key, waiting) -> {
          if (waiting != null) {
            waiting.cancel(false);
          }
          return worker.schedule(() -> publish(uri), delayMillis, TimeUnit.MILLISECONDS);
        });
  }

  /** Withdraws the diagnostics of a closed document. */
  void clear(String uri) {
    ScheduledFuture<?> waiting = pending.remove(uri);
    if (waiting != null) {
      waiting.cancel(false);
    }
    worker.execute(() -> send(new PublishDiagnosticsParams(uri, List.of())));
  }

  private void publish(String uri) {
    try {
      documents
          .analysis(uri)
          .ifPresent(
              analysis -> {
                List<Diagnostic> diagnostics =
                    analysis.diagnostics().stream().map(Diagnostics.Located::diagnostic).toList();
                send(new PublishDiagnosticsParams(uri, diagnostics, analysis.document().version()));
              });
    } catch (RuntimeException e) {
      // the message may quote the document: log the kind of failure only
      LOG.error("kindling lsp: validation failed ({})", e.getClass().getName());
    }
  }

  private void send(PublishDiagnosticsParams params) {
    LanguageClient remote = client.get();
    if (remote != null) {
      remote.publishDiagnostics(params);
    }
  }
}
