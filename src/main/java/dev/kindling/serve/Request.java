package dev.kindling.serve;

import dev.kindling.value.Bytes;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as the endpoints see it: its query parameters, content type and body, already read
 * within the size limit.
 *
 * @param query the decoded query parameters (the last value of a repeated name)
 * @param contentType the {@code Content-Type} header, if any
 * @param body the request body
 */
record Request(Map<String, String> query, Optional<String> contentType, Bytes body) {
  Request {
    query = Map.copyOf(query);
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
  }
}
