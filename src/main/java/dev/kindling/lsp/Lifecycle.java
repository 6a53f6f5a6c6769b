package dev.kindling.lsp;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * Where the server is in the protocol's lifecycle: before {@code initialize} requests are refused
 * with ServerNotInitialized and notifications dropped; after {@code shutdown} requests are refused
 * as invalid; {@code exit} ends the process with 0 only after a {@code shutdown}.
 */
final class Lifecycle {
  /** The states, in order. */
  enum State {
    STARTED,
    INITIALIZED,
    SHUT_DOWN
  }

  private volatile State state = State.STARTED;
  private volatile boolean versionedEdits;

  State state() {
    return state;
  }

  /** Moves to {@code next}; false when the server is not in {@code expected}. */
  synchronized boolean advance(State expected, State next) {
    if (state != expected) {
      return false;
    }
    state = next;
    return true;
  }

  /** Whether document notifications are taken. */
  boolean acceptsNotifications() {
    return state == State.INITIALIZED;
  }

  /** Whether the client takes versioned document edits ({@code documentChanges}). */
  boolean versionedEdits() {
    return versionedEdits;
  }

  void versionedEdits(boolean supported) {
    versionedEdits = supported;
  }

  /** The exit status for {@code exit} or the end of the input: 0 after {@code shutdown}. */
  int exitStatus() {
    return state == State.SHUT_DOWN ? 0 : 1;
  }

  /** A failed answer for a request the server may not take now, if so. */
  <T> Optional<CompletableFuture<T>> refuseRequest() {
    return switch (state) {
      case STARTED ->
          Optional.of(refused(ResponseErrorCode.ServerNotInitialized, "not initialized"));
      case SHUT_DOWN -> Optional.of(refused(ResponseErrorCode.InvalidRequest, "shut down"));
      case INITIALIZED -> Optional.empty();
    };
  }

  static <T> CompletableFuture<T> refused(ResponseErrorCode code, String message) {
    return CompletableFuture.failedFuture(
        new ResponseErrorException(new ResponseError(code, message, null)));
  }
}
