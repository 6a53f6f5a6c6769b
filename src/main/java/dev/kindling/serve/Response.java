package dev.kindling.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kindling.value.Bytes;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * What the server sends back: a status, a content type, the body and extra headers (the security
 * headers every response carries are added when it is sent).
 *
 * @param status the HTTP status code
 * @param contentType the media type of the body
 * @param body the body bytes
 * @param headers extra headers (for example {@code Allow}, {@code Retry-After})
 */
record Response(int status, String contentType, Bytes body, Map<String, String> headers) {
  private static final JsonFactory JSON = new JsonFactory();

  /** The media type of JSON bodies. */
  static final String JSON_TYPE = "application/json; charset=utf-8";

  Response {
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }

  /** A 200 response with this text body. */
  static Response ok(String contentType, String body) {
    return new Response(200, contentType, Bytes.utf8(body), Map.of());
  }

  /** The JSON error document {@code {"error": message, "status": status}}. */
  static Response error(int status, String message) {
    return error(status, message, Map.of());
  }

  /** The JSON error document with extra headers. */
  static Response error(int status, String message, Map<String, String> headers) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(w)) {
      g.writeStartObject();
      g.writeStringField("error", message);
      g.writeNumberField("status", status);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    w.write("\n");
    return new Response(status, JSON_TYPE, Bytes.utf8(w.toString()), headers);
  }
}
