package dev.kindling.datasource;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kindling.value.JsonTree;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses the small JSON documents of local datasources and reads typed fields from them, with
 * errors that name the document, the field and the problem (never the document's content).
 */
public final class JsonFields {
  // Jackson quotes offending tokens ('abc...'); they may be secrets, so only 1-char ones stay.
  private static final Pattern QUOTED_TOKEN = Pattern.compile("'[^']{2,}'");

  private JsonFields() {}

  /** Parses {@code json} as one JSON object; {@code what} names it in errors (a path). */
  public static JsonNode parseObject(byte[] json, String what) throws DatasourceException {
    JsonNode root;
    try {
      root = JsonTree.read(json);
    } catch (JsonProcessingException e) {
      throw new DatasourceException("failed to parse " + what + ": " + describe(e));
    } catch (IOException e) {
      throw new DatasourceException("failed to parse " + what + ": " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode()) {
      throw new DatasourceException("failed to parse " + what + ": it is empty (want an object)");
    }
    if (!root.isObject()) {
      throw new DatasourceException(
          "failed to parse " + what + ": want a JSON object, found " + kind(root));
    }
    return root;
  }

  /** A JSON syntax problem as {@code line L, column C: <message>}, with tokens redacted. */
  public static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    message = message == null ? "malformed JSON" : message.lines().findFirst().orElse("");
    message = QUOTED_TOKEN.matcher(message).replaceAll("'…'");
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      return "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + message;
    }
    return message;
  }

  /** A string field; absent, null and "" are empty; another type is an error. */
  public static Optional<String> text(JsonNode object, String field, String what)
      throws DatasourceException {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      throw new DatasourceException(
          "failed to read " + what + ": \"" + field + "\" must be a string, found " + kind(value));
    }
    return value.asText().isEmpty() ? Optional.empty() : Optional.of(value.asText());
  }

  /** An object field, or empty when absent or null; another type is an error. */
  public static Optional<JsonNode> object(JsonNode object, String field, String what)
      throws DatasourceException {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      throw new DatasourceException(
          "failed to read " + what + ": \"" + field + "\" must be an object, found " + kind(value));
    }
    return Optional.of(value);
  }

  /** An array field, or empty when absent or null; another type is an error. */
  public static Optional<JsonNode> array(JsonNode object, String field, String what)
      throws DatasourceException {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isArray()) {
      throw new DatasourceException(
          "failed to read " + what + ": \"" + field + "\" must be an array, found " + kind(value));
    }
    return Optional.of(value);
  }

  /** The JSON type of a node, for messages: {@code a string}, {@code an array}, .... */
  public static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case BINARY -> "binary data";
      case MISSING -> "nothing";
    };
  }
}
