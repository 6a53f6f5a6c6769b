package dev.kindling.agent;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindling.apply.SshKeyFetcher;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.datasource.http.MetadataHttpException;
import dev.kindling.value.JsonTree;
import dev.kindling.value.Redaction;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Fetches keys for {@code coreos_ssh_import_*}: a GET whose body is GitHub's key list, a JSON array
 * of {@code {"id": n, "key": "ssh-..."}} (upstream system/user.go), through the same {@link
 * MetadataClient} as the datasources (bounded retries with backoff, a body cap, no TLS stack for
 * {@code http://}). Imports are rare, so each fetch builds and closes its own client.
 */
final class HttpSshKeyFetcher implements SshKeyFetcher {
  private final Supplier<MetadataClient> clients;
  private final Duration timeout;

  /** A fetcher whose fetches use a client from {@code clients} and end by {@code timeout}. */
  HttpSshKeyFetcher(Supplier<MetadataClient> clients, Duration timeout) {
    this.clients = clients;
    this.timeout = timeout;
  }

  @Override
  public List<String> fetch(String url) throws IOException, InterruptedException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IOException("invalid URL " + url + ": " + e.getMessage(), e);
    }
    try {
      MetadataClient.checkScheme(uri);
    } catch (IllegalArgumentException e) {
      // The original's wording (pkg/http_client.go ErrInvalid).
      throw new IOException("URL " + url + " does not have a valid HTTP scheme", e);
    }
    try (MetadataClient client = clients.get()) {
      Optional<byte[]> body = client.get(uri, timeout);
      if (body.isEmpty()) {
        throw new IOException("GET " + Redaction.url(uri) + " answered HTTP 404");
      }
      return parse(body.get());
    } catch (MetadataHttpException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** The keys of a GitHub-format key list. */
  static List<String> parse(byte[] json) throws IOException {
    JsonNode root = JsonTree.read(json);
    if (root == null || !root.isArray()) {
      throw new IOException("the key list is not a JSON array");
    }
    List<String> keys = new ArrayList<>();
    for (JsonNode item : root) {
      JsonNode key = item.get("key");
      if (key == null || !key.isTextual()) {
        throw new IOException("a key list entry has no \"key\" string");
      }
      keys.add(key.asText());
    }
    return keys;
  }
}
