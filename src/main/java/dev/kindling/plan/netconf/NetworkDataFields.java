package dev.kindling.plan.netconf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lenient readers for the fields of OpenStack's {@code network_data.json}, which producers fill
 * inconsistently (numbers as strings, {@code null} for absent), and the quoting of its values in
 * messages.
 */
final class NetworkDataFields {
  /** Interface names networkd and the kernel accept: at most 15 characters, no separators. */
  private static final Pattern INTERFACE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}");

  /** Link ids safe to show in a generated file's comment line. */
  private static final Pattern COMMENT_SAFE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

  private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

  private NetworkDataFields() {}

  /** The non-blank text of {@code field}, when it is a JSON string. */
  static Optional<String> text(JsonNode object, String field) {
    JsonNode value = object.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(value.asText().strip());
  }

  /** Whether {@code field} is present with a value other than {@code null}. */
  static boolean present(JsonNode object, String field) {
    JsonNode value = object.get(field);
    return value != null && !value.isNull();
  }

  /** A non-negative integer given as a JSON number or a string of digits. */
  static Optional<Integer> integer(JsonNode value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value.isIntegralNumber() && value.canConvertToInt() && value.asInt() >= 0) {
      return Optional.of(value.asInt());
    }
    if (value.isTextual() && DIGITS.matcher(value.asText().strip()).matches()) {
      return Optional.of(Integer.parseInt(value.asText().strip()));
    }
    return Optional.empty();
  }

  /** The elements of an array field; empty when absent or {@code null}. */
  static List<JsonNode> elements(JsonNode object, String field) throws NetconfException {
    JsonNode value = object.get(field);
    List<JsonNode> out = new ArrayList<>();
    if (value == null || value.isNull()) {
      return out;
    }
    if (!value.isArray()) {
      throw new NetconfException("\"" + field + "\" is not an array");
    }
    value.forEach(out::add);
    return out;
  }

  /** The words of a comma- or space-separated list. */
  static List<String> words(String text) {
    return SEPARATORS.splitAsStream(text.strip()).filter(w -> !w.isEmpty()).toList();
  }

  /** Whether {@code name} can name a network interface. */
  static boolean interfaceName(String name) {
    return INTERFACE_NAME.matcher(name).matches() && !name.equals(".") && !name.equals("..");
  }

  /** The link id for a comment line in a generated file, when it is plain enough. */
  static Optional<String> commentSafe(String id) {
    return COMMENT_SAFE.matcher(id).matches() ? Optional.of(id) : Optional.empty();
  }

  /** A value for a message: quoted, control characters escaped, at most 64 characters. */
  static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    value
        .codePoints()
        .limit(64)
        .forEach(
            c -> {
              if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
              } else if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    if (value.codePointCount(0, value.length()) > 64) {
      out.append("...");
    }
    return out.append('"').toString();
  }

  /** A JSON value for a message: strings quoted, anything else as compact JSON. */
  static String show(JsonNode value) {
    if (value.isTextual()) {
      return quote(value.asText());
    }
    String json = value.toString();
    return json.length() > 64 ? json.substring(0, 64) + "..." : json;
  }
}
