package dev.kindling.serve;

import dev.kindling.value.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The page's files, served from the jar ({@code dev/kindling/serve/web/}): the HTML, the bundled
 * script and style sheet, and the icon. Read once when the server starts.
 */
final class Assets {
  /** The resource folder of the page's files. */
  static final String FOLDER = "/dev/kindling/serve/web/";

  /** Where index.html takes the nonce of its style sheet. */
  static final String NONCE_PLACEHOLDER = "__STYLE_NONCE__";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** URL path → file name and media type (the page itself aside). */
  private static final Map<String, String[]> FILES =
      Map.of(
          "/app.js", new String[] {"app.js", "text/javascript; charset=utf-8"},
          "/app.css", new String[] {"app.css", "text/css; charset=utf-8"},
          "/favicon.svg", new String[] {"favicon.svg", "image/svg+xml"});

  private Assets() {}

  /** An endpoint per file, by URL path. */
  static Map<String, Endpoint> endpoints() {
    Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    String page = new String(read("index.html"), StandardCharsets.UTF_8);
    if (!page.contains(NONCE_PLACEHOLDER)) {
      throw new IllegalStateException("index.html has no " + NONCE_PLACEHOLDER);
    }
    endpoints.put("/", request -> page(page));
    FILES.forEach(
        (path, file) -> {
          Response response = new Response(200, file[1], Bytes.of(read(file[0])), Map.of());
          endpoints.put(path, request -> response);
        });
    return endpoints;
  }

  /** The page with a fresh nonce in its meta tag and in its Content-Security-Policy. */
  private static Response page(String template) {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    String nonce = Base64.getEncoder().encodeToString(bytes);
    return new Response(
        200,
        "text/html; charset=utf-8",
        Bytes.utf8(template.replace(NONCE_PLACEHOLDER, nonce)),
        Map.of("Content-Security-Policy", SecurityHeaders.pagePolicy(nonce)));
  }

  private static byte[] read(String name) {
    try (InputStream in = Assets.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalStateException("the page's file " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
