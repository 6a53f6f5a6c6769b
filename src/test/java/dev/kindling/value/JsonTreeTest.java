package dev.kindling.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JsonTree reads every document as ObjectMapper.readTree does: the same tree or the same error. */
class JsonTreeTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "{}",
        "[]",
        "null",
        "true",
        "42",
        "\"text\"",
        "{\"a\":1,\"b\":[1,2,{\"c\":null}],\"d\":{\"e\":\"f\"}}",
        "{\"a\":1,\"a\":2}",
        "{\"a\":{\"x\":1},\"a\":[2]}",
        "[2147483647, 2147483648, -2147483649, 9223372036854775807, 9223372036854775808]",
        "[1.5, -0.0, 1e3, 1E-7, 1e400, 123456789012345678901234567890.5]",
        "{\"a\":1} trailing",
        "{\"a\":1}{\"b\":2}",
        "[[[[[[[[[[1]]]]]]]]]]",
        "{\"unicode\":\"\\u00e9\\ud83d\\ude00\",\"escaped\":\"a\\\"b\\\\c\\n\"}",
        "{\"a\":",
        "{\"a\" 1}",
        "{'a':1}",
        "[1,]",
        "{\"a\":1,}",
        "abc",
        "{\"a\":tru}",
        "[\"unterminated",
        "\u00ef\u00bb\u00bf{}",
        "{\"a\":NaN}"
      })
  void read_sameTreeOrSameErrorAsObjectMapper(String json) {
    assertSame(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void read_everyJsonFixtureOfTheTests_sameTree() throws IOException {
    List<Path> fixtures;
    try (Stream<Path> files = Files.walk(Path.of("src/test/resources"))) {
      fixtures = files.filter(f -> f.toString().endsWith(".json")).toList();
    }
    assertTrue(fixtures.size() > 20, "fixtures found: " + fixtures.size());
    for (Path f : fixtures) {
      assertSame(Files.readAllBytes(f));
    }
  }

  @Test
  void read_randomlyCutAndMutatedDocuments_sameTreeOrSameError() throws IOException {
    byte[] base =
        Files.readAllBytes(
            Path.of(
                "src/test/resources/datasource/configdrive/network-data/openstack/latest/"
                    + "network_data.json"));
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 2_000; i++) {
      byte[] doc = java.util.Arrays.copyOf(base, random.nextInt(base.length + 1));
      if (doc.length > 0 && i % 2 == 0) {
        doc[random.nextInt(doc.length)] = (byte) "{}[],:\"0a-.e \\".charAt(random.nextInt(14));
      }
      assertSame(doc);
    }
  }

  @Test
  void read_stringAndBytes_sameTree() throws IOException {
    String json = "{\"k\":[1,\"v\",null]}";
    assertEquals(JsonTree.read(json.getBytes(StandardCharsets.UTF_8)), JsonTree.read(json));
  }

  private static void assertSame(byte[] json) {
    JsonNode expected;
    try {
      expected = MAPPER.readTree(json);
    } catch (IOException e) {
      IOException actual = assertThrows(IOException.class, () -> JsonTree.read(json));
      assertEquals(
          originalMessage(e), originalMessage(actual), new String(json, StandardCharsets.UTF_8));
      return;
    }
    assertEquals(expected.toString(), JsonTree.write(expected));
    try {
      JsonNode actual = JsonTree.read(json);
      assertEquals(expected, actual, new String(json, StandardCharsets.UTF_8));
      assertEquals(expected.getNodeType(), actual.getNodeType());
      assertEquals(kinds(expected), kinds(actual), new String(json, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("ObjectMapper read it, JsonTree failed: " + e.getMessage(), e);
    }
  }

  private static String originalMessage(IOException e) {
    return e instanceof com.fasterxml.jackson.core.JacksonException j
        ? j.getOriginalMessage()
        : e.getMessage();
  }

  /** The node classes of a tree, depth first (IntNode and LongNode compare equal by value). */
  private static String kinds(JsonNode node) {
    StringBuilder out = new StringBuilder(node.getClass().getSimpleName());
    if (node.isContainerNode()) {
      out.append('(');
      node.elements().forEachRemaining(child -> out.append(kinds(child)).append(','));
      out.append(')');
    }
    return out.toString();
  }
}
