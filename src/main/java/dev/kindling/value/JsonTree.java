package dev.kindling.value;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * A JSON document read into jackson-databind's tree, as {@code new ObjectMapper().readTree(...)}
 * reads it (the first value; {@link MissingNode} for no value; a repeated key keeps its last value;
 * integers as int, long or big-integer nodes by size, other numbers as doubles; the parser's own
 * errors), and a tree written as {@link JsonNode#toString()} writes it, with jackson-core's parser
 * and generator and the node classes alone: an {@code ObjectMapper} sets up most of databind
 * (hundreds of classes, milliseconds of every boot that reads JSON metadata).
 */
public final class JsonTree {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTree() {}

  /** The tree of {@code json}'s first value. */
  public static JsonNode read(byte[] json) throws IOException {
    try (JsonParser p = FACTORY.createParser(json)) {
      return read(p);
    }
  }

  /** The tree of {@code json}'s first value (a string has no I/O to fail, only its syntax). */
  public static JsonNode read(String json) throws JsonProcessingException {
    try (JsonParser p = FACTORY.createParser(json)) {
      return read(p);
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code node} as compact JSON text, exactly as {@link JsonNode#toString()} writes it, which sets
   * up an {@code ObjectMapper} for it.
   */
  public static String write(JsonNode node) {
    if (node.isMissingNode()) {
      return "";
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(g, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          g.writeFieldName(field.getKey());
          write(g, field.getValue());
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (JsonNode item : node) {
          write(g, item);
        }
        g.writeEndArray();
      }
      case STRING -> g.writeString(node.textValue());
      case NUMBER -> {
        switch (node.numberType()) {
          case INT -> g.writeNumber(node.intValue());
          case LONG -> g.writeNumber(node.longValue());
          case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
          case FLOAT -> g.writeNumber(node.floatValue());
          case DOUBLE -> g.writeNumber(node.doubleValue());
          default -> g.writeNumber(node.decimalValue());
        }
      }
      case BOOLEAN -> g.writeBoolean(node.booleanValue());
      case NULL, MISSING -> g.writeNull();
      default -> g.writeRawValue(node.toString()); // binary and POJO nodes: parsing makes neither
    }
  }

  private static JsonNode read(JsonParser p) throws IOException {
    JsonToken first = p.nextToken();
    if (first == null) {
      return MissingNode.getInstance();
    }
    // Iterative: the parser bounds the depth, the JVM's stack is not asked to.
    Deque<JsonNode> open = new ArrayDeque<>();
    Deque<String> names = new ArrayDeque<>();
    JsonToken token = first;
    while (true) {
      JsonNode done;
      switch (token) {
        case START_OBJECT -> {
          open.push(NODES.objectNode());
          token = p.nextToken();
          continue;
        }
        case START_ARRAY -> {
          open.push(NODES.arrayNode());
          token = p.nextToken();
          continue;
        }
        case FIELD_NAME -> {
          names.push(p.currentName());
          token = p.nextToken();
          continue;
        }
        case END_OBJECT, END_ARRAY -> done = open.pop();
        default -> done = scalar(p, token);
      }
      if (open.isEmpty()) {
        return done;
      }
      JsonNode parent = open.peek();
      if (parent instanceof ObjectNode object) {
        object.replace(names.pop(), done);
      } else {
        ((ArrayNode) parent).add(done);
      }
      token = p.nextToken();
    }
  }

  private static JsonNode scalar(JsonParser p, JsonToken token) throws IOException {
    return switch (token) {
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_NUMBER_INT ->
          switch (p.getNumberType()) {
            case INT -> NODES.numberNode(p.getIntValue());
            case LONG -> NODES.numberNode(p.getLongValue());
            default -> NODES.numberNode(p.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new IllegalStateException("not a scalar token: " + token);
    };
  }
}
