package dev.kindling.serve;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads a raw query string and refuses parameters an endpoint does not know. */
final class QueryParameters {
  private QueryParameters() {}

  /** The decoded parameters of a raw query string ({@code null} or empty: none). */
  static Map<String, String> parse(String rawQuery) throws HttpError {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        params.put(name, value);
      } catch (IllegalArgumentException e) {
        throw new HttpError(400, "the query string is not well-formed");
      }
    }
    return params;
  }

  /** Throws 400 for a parameter not in {@code known}. */
  static void onlyKnown(Map<String, String> params, Set<String> known) throws HttpError {
    for (String name : params.keySet()) {
      if (!known.contains(name)) {
        throw new HttpError(
            400,
            "unknown query parameter \""
                + Text.clip(name, 40)
                + "\""
                + (known.isEmpty()
                    ? " (this endpoint takes none)"
                    : " (expected " + String.join(", ", known) + ")"));
      }
    }
  }
}
