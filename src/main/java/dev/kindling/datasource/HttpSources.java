package dev.kindling.datasource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindling.datasource.http.HttpFailure;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.datasource.http.MetadataHttpException;
import dev.kindling.datasource.http.MetadataRequest;
import dev.kindling.value.JsonTree;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What the HTTP datasources share: base URLs, error wording, text decoding. */
public final class HttpSources {
  private HttpSources() {}

  /** {@code base} with a trailing {@code /}, so that relative paths resolve below it. */
  public static URI directory(URI base) {
    String s = base.toString();
    return s.endsWith("/") ? base : URI.create(s + "/");
  }

  /** The body as UTF-8 text. */
  public static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The first line of {@code text}, trimmed. */
  public static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return (nl < 0 ? text : text.substring(0, nl)).strip();
  }

  /** Empty for blank text, else the trimmed text. */
  public static Optional<String> nonBlank(String text) {
    String s = text.strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /**
   * The failure explained for people: the request and status, plus what it means on this platform
   * ({@code hints} by failure kind, e.g. {@code FORBIDDEN -> "IMDS disabled"}) or generically.
   */
  public static String explain(MetadataHttpException e, Map<HttpFailure, String> hints) {
    String hint = hints.get(e.failure());
    if (hint == null) {
      hint =
          switch (e.failure()) {
            case BAD_REQUEST -> "the service rejected the request";
            case UNAUTHORIZED -> "the service wants credentials";
            case FORBIDDEN -> "the service refused access";
            case RATE_LIMITED -> "throttled; gave up after " + attempts(e);
            case SERVER_ERROR -> "the service is failing; gave up after " + attempts(e);
            case TRANSPORT, TIMEOUT -> "gave up after " + attempts(e);
            case BODY_TOO_LARGE -> "refusing a body this large";
            case WRONG_SERVER -> "this is not the expected kind of metadata service";
            case UNEXPECTED_STATUS, DEADLINE -> "";
          };
    }
    return e.getMessage() + (hint.isEmpty() ? "" : " (" + hint + ")");
  }

  /** A {@link DatasourceException} "failed to fetch ITEM: explanation". */
  public static DatasourceException fetchFailed(
      String item, MetadataHttpException e, Map<HttpFailure, String> hints) {
    return new DatasourceException("failed to fetch " + item + ": " + explain(e, hints), e);
  }

  /**
   * Sends {@code request} (with its retries): the body, or empty on 404.
   *
   * @throws DatasourceException "failed to fetch ITEM: explanation" for any other failure
   */
  public static Optional<byte[]> get(
      MetadataClient client,
      MetadataRequest request,
      String item,
      Map<HttpFailure, String> hints,
      Deadline deadline)
      throws DatasourceException, InterruptedException {
    try {
      return client.send(request, deadline.remaining());
    } catch (MetadataHttpException e) {
      throw fetchFailed(item, e, hints);
    }
  }

  /** A probe failure for {@code e}: permanent unless retrying may help. */
  public static ProbeFailure probeFailure(MetadataHttpException e, Map<HttpFailure, String> hints) {
    return new ProbeFailure(explain(e, hints), !e.failure().isTransient());
  }

  private static String attempts(MetadataHttpException e) {
    return e.attempts() == 1 ? "1 attempt" : e.attempts() + " attempts";
  }

  /** Parses a JSON object document named {@code item}. */
  public static JsonNode jsonObject(String item, byte[] body) throws DatasourceException {
    JsonNode node;
    try {
      node = JsonTree.read(body);
    } catch (IOException e) {
      throw new DatasourceException("failed to parse " + item + ": invalid JSON", e);
    }
    if (node == null || !node.isObject()) {
      throw new DatasourceException("failed to parse " + item + ": not a JSON object");
    }
    return node;
  }

  /**
   * The text items of a JSON array (SSH keys), trimmed and named by their index {@code 0, 1, …}.
   */
  public static Map<String, String> indexedKeys(JsonNode list) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).isTextual()) {
        keys.put(Integer.toString(i), list.get(i).asText().strip());
      }
    }
    return keys;
  }

  /** The non-blank text (or number) at {@code path} below {@code node}. */
  public static Optional<String> jsonText(JsonNode node, Object... path) {
    JsonNode n = node;
    for (Object step : path) {
      n = step instanceof Integer i ? n.path(i) : n.path((String) step);
    }
    return n.isTextual() || n.isNumber() ? nonBlank(n.asText()) : Optional.empty();
  }
}
