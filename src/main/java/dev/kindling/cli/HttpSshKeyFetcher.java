package dev.kindling.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kindling.apply.SshKeyFetcher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches keys for {@code coreos_ssh_import_*}: a GET whose body is GitHub's key list, a JSON array
 * of {@code {"id": n, "key": "ssh-..."}} (upstream system/user.go). Seam: when the datasource HTTP
 * client ({@code datasource.http.MetadataClient}) is merged, this should go through it to share its
 * retry policy.
 */
final class HttpSshKeyFetcher implements SshKeyFetcher {
  private final Duration timeout;
  private HttpClient client;

  HttpSshKeyFetcher(Duration timeout) {
    this.timeout = timeout;
  }

  /** The client, built on first use: most runs import no keys and should not pay for it. */
  private synchronized HttpClient client() {
    if (client == null) {
      client =
          HttpClient.newBuilder()
              .connectTimeout(timeout)
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
    }
    return client;
  }

  @Override
  public List<String> fetch(String url) throws IOException, InterruptedException {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IOException("invalid URL " + url + ": " + e.getMessage(), e);
    }
    if (uri.getScheme() == null || !uri.getScheme().startsWith("http")) {
      throw new IOException("URL " + url + " does not have a valid HTTP scheme");
    }
    HttpResponse<byte[]> response =
        client()
            .send(
                HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("GET " + url + " answered HTTP " + response.statusCode());
    }
    return parse(response.body());
  }

  /** The keys of a GitHub-format key list. */
  static List<String> parse(byte[] json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(json);
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
