package dev.kindling.datasource;

import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.datasource.http.MetadataHttpException;
import dev.kindling.datasource.http.MetadataRequest;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * A metadata service that answers plain GETs below one base URL, without headers or a session
 * (DigitalOcean, Packet, OpenStack): its probe, its items by path, and the document a probe read,
 * kept for the fetch.
 */
public final class MetadataDirectory {
  private final MetadataClient client;
  private final URI base;

  /** The service at {@code base} (its items resolve below it, as below a directory). */
  public MetadataDirectory(MetadataClient client, URI base) {
    this.client = client;
    this.base = HttpSources.directory(base);
  }

  /**
   * The probe: one GET of {@code item}, its body, or empty when {@code probe} records a failure.
   */
  public Optional<byte[]> probe(HttpProbe probe, String item, Deadline deadline)
      throws InterruptedException {
    return probe.get(client, request(item), deadline);
  }

  /**
   * {@code item}'s body, or empty for a 404.
   *
   * @throws DatasourceException for any other failure, naming the item
   */
  public Optional<byte[]> get(String item, Deadline deadline)
      throws DatasourceException, InterruptedException {
    return HttpSources.get(client, request(item), item, Map.of(), deadline);
  }

  /**
   * {@code item}, a document that must be there: {@code probed} (what the probe read) when present,
   * else fetched now.
   *
   * @throws DatasourceException for any failure, a 404 included
   */
  public byte[] document(Optional<byte[]> probed, String item, Deadline deadline)
      throws DatasourceException, InterruptedException {
    if (probed.isPresent()) {
      return probed.get();
    }
    return get(item, deadline)
        .orElseThrow(() -> new DatasourceException("failed to fetch " + item + ": HTTP 404"));
  }

  /** {@code item}'s body or empty for a 404, with the client's own failure (best-effort reads). */
  public Optional<byte[]> send(String item, Deadline deadline)
      throws MetadataHttpException, InterruptedException {
    return client.send(request(item), deadline.remaining());
  }

  private MetadataRequest request(String item) {
    return MetadataRequest.get(base.resolve(item));
  }
}
