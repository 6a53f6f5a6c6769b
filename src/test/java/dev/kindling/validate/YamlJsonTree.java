package dev.kindling.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.config.yaml.ResolvedScalar;
import dev.kindling.config.yaml.YamlMapping;
import dev.kindling.config.yaml.YamlNode;
import dev.kindling.config.yaml.YamlScalar;
import dev.kindling.config.yaml.YamlSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON tree of a composed YAML document, with the YAML 1.1 (go-yaml v1) resolution the binder
 * uses: {@code yes} is {@code true}, {@code 0644} is 420, quoted scalars are strings. JSON cannot
 * hold everything YAML can, so the tree also lists what it had to leave out: further occurrences of
 * a duplicated key, scalars whose explicit tag does not fit ({@code !!int abc}), and where each
 * scalar sits, so a finding can be traced back to the YAML it came from.
 *
 * @param root the JSON tree
 * @param duplicates every occurrence of a key after the first in the same mapping
 * @param invalidTags where a scalar's explicit tag does not fit its text (kept as a string)
 * @param scalars every scalar value with its raw path
 */
record YamlJsonTree(
    JsonNode root, List<Duplicate> duplicates, List<List<Object>> invalidTags, List<At> scalars) {

  /** The prefix of the made-up JSON key that stands for a non-scalar YAML key. */
  static final String COMPLEX_KEY = "\u0000complex-key ";

  /**
   * A further occurrence of a key in one mapping.
   *
   * @param path the raw path of the key (mapping keys as written, sequence indexes)
   * @param value the JSON of its value
   */
  record Duplicate(List<Object> path, JsonNode value) {}

  /** A scalar and its raw path. */
  record At(List<Object> path, YamlScalar scalar) {}

  /** Converts a document root. */
  static YamlJsonTree of(YamlNode root) {
    Builder b = new Builder();
    JsonNode json = b.convert(root, List.of());
    return new YamlJsonTree(json, b.duplicates, b.invalidTags, b.scalars);
  }

  /**
   * A tree holding only {@code duplicate} at its path, with empty objects filling the sequences on
   * the way, so its value can be validated where it stands.
   */
  static JsonNode isolate(Duplicate duplicate) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    List<Object> path = duplicate.path();
    JsonNode root = path.get(0) instanceof Integer ? f.arrayNode() : f.objectNode();
    JsonNode container = root;
    for (int i = 0; i < path.size(); i++) {
      Object segment = path.get(i);
      boolean last = i == path.size() - 1;
      JsonNode child;
      if (last) {
        child = duplicate.value();
      } else {
        child = path.get(i + 1) instanceof Integer ? f.arrayNode() : f.objectNode();
      }
      if (segment instanceof Integer index) {
        ArrayNode array = (ArrayNode) container;
        while (array.size() < index) {
          array.addObject();
        }
        array.add(child);
      } else {
        ((ObjectNode) container).set((String) segment, child);
      }
      container = child;
    }
    return root;
  }

  private static final class Builder {
    private final JsonNodeFactory f = JsonNodeFactory.instance;
    private final List<Duplicate> duplicates = new ArrayList<>();
    private final List<List<Object>> invalidTags = new ArrayList<>();
    private final List<At> scalars = new ArrayList<>();
    private int complexKeys;

    JsonNode convert(YamlNode node, List<Object> path) {
      if (node instanceof YamlScalar scalar) {
        scalars.add(new At(path, scalar));
        return scalar(scalar, path);
      }
      if (node instanceof YamlSequence sequence) {
        ArrayNode array = f.arrayNode();
        for (int i = 0; i < sequence.items().size(); i++) {
          array.add(convert(sequence.items().get(i), append(path, i)));
        }
        return array;
      }
      ObjectNode object = f.objectNode();
      for (YamlMapping.Entry entry : ((YamlMapping) node).entries()) {
        String key;
        if (entry.key() instanceof YamlScalar s) {
          key = s.text();
        } else {
          complexKeys++;
          key = COMPLEX_KEY + complexKeys;
        }
        List<Object> at = append(path, key);
        JsonNode value = convert(entry.value(), at);
        if (object.has(key)) {
          duplicates.add(new Duplicate(at, value));
        } else {
          object.set(key, value);
        }
      }
      return object;
    }

    private JsonNode scalar(YamlScalar scalar, List<Object> path) {
      ResolvedScalar resolved = scalar.resolve();
      return switch (resolved.type()) {
        case NULL -> f.nullNode();
        case BOOL -> f.booleanNode((Boolean) resolved.value());
        case INT -> f.numberNode((Long) resolved.value());
        case FLOAT -> f.numberNode((Double) resolved.value());
        case STRING, BINARY -> f.textNode(scalar.text());
        case INVALID -> {
          invalidTags.add(path);
          yield f.textNode(scalar.text());
        }
      };
    }

    private static List<Object> append(List<Object> path, Object segment) {
      List<Object> out = new ArrayList<>(path.size() + 1);
      out.addAll(path);
      out.add(segment);
      return List.copyOf(out);
    }
  }
}
