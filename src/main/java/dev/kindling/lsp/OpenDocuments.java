package dev.kindling.lsp;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documents the client has opened: their latest text (full synchronisation: every change
 * carries the whole text) and, computed once per version, its {@link Analysis}.
 */
final class OpenDocuments {
  private final Map<String, Holder> documents = new ConcurrentHashMap<>();

  /** Records the text of a document, opened or changed. */
  void put(String uri, int version, String text) {
    documents.put(uri, new Holder(new TextDocument(uri, version, text)));
  }

  /** Forgets a closed document. */
  void remove(String uri) {
    documents.remove(uri);
  }

  /** The analysis of the document's latest version, if it is open. */
  Optional<Analysis> analysis(String uri) {
    return Optional.ofNullable(documents.get(uri)).map(Holder::analysis);
  }

  /** One version of a document and its analysis, made on first use. */
  private static final class Holder {
    private final TextDocument document;
    private Analysis analysis;

    Holder(TextDocument document) {
      this.document = document;
    }

    synchronized Analysis analysis() {
      if (analysis == null) {
        analysis = Analysis.of(document);
      }
      return analysis;
    }
  }
}
