package dev.kindling.datasource.gce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindling.value.JsonTree;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GCE {@code ssh-keys} attribute format: one {@code USER:KEY} per line, where a key may end in
 * {@code google-ssh {"userName":"…","expireOn":"2025-01-01T00:00:00+0000"}}; expired keys are
 * dropped (as the guest agent and cloud-init do).
 */
final class GceSshKeys {
  private static final Logger LOG = LoggerFactory.getLogger(GceSshKeys.class);
  private static final DateTimeFormatter GOOGLE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

  private GceSshKeys() {}

  /**
   * Adds the valid keys of {@code lines} to {@code into}, named by their user ({@code alice}, then
   * {@code alice-2} for the user's second key, ...).
   */
  static void parse(List<String> lines, Instant now, Map<String, String> into) {
    for (String raw : lines) {
      String line = raw.strip();
      int colon = line.indexOf(':');
      if (line.isEmpty() || colon <= 0 || colon == line.length() - 1) {
        if (!line.isEmpty()) {
          LOG.warn("ignoring an ssh-keys line that is not USER:KEY");
        }
        continue;
      }
      String user = line.substring(0, colon);
      String key = line.substring(colon + 1).strip();
      if (expired(user, key, now)) {
        continue;
      }
      String name = user;
      for (int n = 2; into.containsKey(name); n++) {
        name = user + "-" + n;
      }
      into.put(name, key);
    }
  }

  private static boolean expired(String user, String key, Instant now) {
    int at = key.indexOf(" google-ssh ");
    if (at < 0) {
      return false;
    }
    String json = key.substring(at + " google-ssh ".length()).strip();
    Optional<Instant> expiry;
    try {
      JsonNode node = JsonTree.read(json);
      JsonNode on = node == null ? null : node.get("expireOn");
      if (on == null || !on.isTextual()) {
        return false;
      }
      expiry = Optional.of(parseTime(on.asText()));
    } catch (IOException | DateTimeParseException e) {
      LOG.warn("ignoring the SSH key of \"{}\": unreadable google-ssh expiry", user);
      return true;
    }
    if (!expiry.get().isAfter(now)) {
      LOG.info("ignoring the SSH key of \"{}\": expired {}", user, expiry.get());
      return true;
    }
    return false;
  }

  private static Instant parseTime(String s) {
    try {
      return OffsetDateTime.parse(s, GOOGLE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(s).toInstant(); // ISO form with "+00:00" or "Z"
    }
  }

  /** An empty, ordered key map. */
  static Map<String, String> newMap() {
    return new LinkedHashMap<>();
  }
}
