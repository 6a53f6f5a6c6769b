package dev.kindling.datasource;

import dev.kindling.datasource.http.HttpFailure;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.datasource.http.MetadataHttpException;
import dev.kindling.datasource.http.MetadataRequest;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP datasource's availability probe: one GET, and why the last one failed (for {@link
 * ProbeReporting}). A 404 is permanent (not this kind of service); other HTTP failures are
 * permanent unless retrying may help. Safe to use from several threads.
 */
public final class HttpProbe {
  /** One probe GET: the body, or empty on 404. */
  @FunctionalInterface
  public interface Get<X extends Exception> {
    Optional<byte[]> send() throws MetadataHttpException, X, InterruptedException;
  }

  private final String notFound;
  private final Map<HttpFailure, String> hints;
  private volatile Optional<ProbeFailure> lastFailure = Optional.empty();

  /**
   * A probe of {@code path} (as named in messages); a 404 there means {@code notFoundMeans}, e.g.
   * {@code not a GCE metadata server}; {@code hints} explain other failures on this platform.
   */
  public HttpProbe(String path, String notFoundMeans, Map<HttpFailure, String> hints) {
    this.notFound = "GET " + path + ": HTTP 404 (" + notFoundMeans + ")";
    this.hints = hints;
  }

  /** Sends {@code request} with one attempt: the body, or empty when the probe failed. */
  public Optional<byte[]> get(MetadataClient client, MetadataRequest request, Deadline deadline)
      throws InterruptedException {
    return get(() -> client.send(request.attempts(1), deadline.remaining()));
  }

  /** Runs {@code get} as the probe: its body, or empty when the probe failed. */
  public <X extends Exception> Optional<byte[]> get(Get<X> get) throws X, InterruptedException {
    try {
      Optional<byte[]> body = get.send();
      lastFailure =
          body.isPresent() ? Optional.empty() : Optional.of(new ProbeFailure(notFound, true));
      return body;
    } catch (MetadataHttpException e) {
      lastFailure = Optional.of(HttpSources.probeFailure(e, hints));
      return Optional.empty();
    }
  }

  /** Records a failure seen outside the GET (e.g. no session could be set up). */
  public void failed(ProbeFailure failure) {
    lastFailure = Optional.of(failure);
  }

  /** Why the most recent probe failed; empty before any probe or after a successful one. */
  public Optional<ProbeFailure> lastFailure() {
    return lastFailure;
  }
}
