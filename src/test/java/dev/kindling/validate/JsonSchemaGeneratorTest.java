package dev.kindling.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kindling.config.CloudConfigSchema;
import dev.kindling.config.SchemaField;
import dev.kindling.config.StructSchema;
import dev.kindling.config.yaml.Position;
import dev.kindling.config.yaml.ResolvedScalar;
import dev.kindling.config.yaml.YamlScalar;
import dev.kindling.testing.GeneratedFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class JsonSchemaGeneratorTest {
  private static final Path COMMITTED = Path.of(JsonSchemaGenerator.FILE);

  /**
   * The "generated output is current" check. With {@code -Dschema.update=true} it rewrites the
   * committed file instead of failing.
   */
  @Test
  void render_isTheCommittedFile() throws IOException {
    GeneratedFile.assertCurrent(
        COMMITTED,
        JsonSchemaGenerator.render(),
        "schema.update",
        "JsonSchemaGenerator from CloudConfigSchema");
  }

  @Test
  void generate_everyObjectSchemaRejectsUnknownKeys() {
    JsonNode schema = JsonSchemaGenerator.generate();
    List<String> objects = new ArrayList<>();
    collectObjectSchemas(schema, "#", objects);
    assertThat(objects).hasSize(13);
    for (String pointer : objects) {
      JsonNode node = schema.at(pointer.substring(1));
      assertThat(node.get("additionalProperties").asBoolean(true)).as(pointer).isFalse();
    }
  }

  private static void collectObjectSchemas(JsonNode node, String pointer, List<String> out) {
    if (node.isObject()) {
      if (node.has("properties")) {
        out.add(pointer);
      }
      for (var e : node.properties()) {
        collectObjectSchemas(e.getValue(), pointer + "/" + e.getKey().replace("/", "~1"), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectObjectSchemas(node.get(i), pointer + "/" + i, out);
      }
    }
  }

  @Test
  void generate_everySchemaFieldHasATitledProperty() {
    JsonNode schema = JsonSchemaGenerator.generate();
    assertThat(schema.at("/properties/hostname/title").asText())
        .isEqualTo("the machine's hostname");
    assertFields(schema, schema, CloudConfigSchema.ROOT);
  }

  private static void assertFields(JsonNode root, JsonNode object, StructSchema struct) {
    assertThat(object.get("properties").size()).as(struct.name()).isEqualTo(struct.fields().size());
    for (SchemaField field : struct.fields()) {
      JsonNode p = object.get("properties").get(field.name());
      assertThat(p).as(field.name()).isNotNull();
      assertThat(p.get("title").asText()).as(field.name()).isNotBlank();
      assertThat(p.path("deprecated").asBoolean(false))
          .as(field.name())
          .isEqualTo(field.deprecated() != null);
      if (field.struct() != null) {
        JsonNode ref = p.has("allOf") ? p.get("allOf").get(0) : p.get("items");
        assertFields(root, root.at(ref.get("$ref").asText().substring(1)), field.struct());
      }
    }
  }

  @Test
  void generate_dashedSpellings_referToTheCanonicalField() {
    JsonNode update = JsonSchemaGenerator.generate().at("/definitions/update");
    JsonNode variant =
        update.get("patternProperties").get("^(?!reboot_strategy$)reboot[-_]strategy$");
    assertThat(variant.get("deprecated").asBoolean()).isTrue();
    assertThat(variant.at("/allOf/0/$ref").asText())
        .isEqualTo("#/definitions/update/properties/reboot_strategy");
    Pattern spellings = Pattern.compile("^(?!reboot_strategy$)reboot[-_]strategy$");
    assertThat(spellings.matcher("reboot-strategy").find()).isTrue();
    assertThat(spellings.matcher("reboot_strategy").find()).isFalse();
  }

  @Test
  void generate_enumOfYaml11Boolean_includesTheBoolean() {
    JsonNode proxy = JsonSchemaGenerator.generate().at("/definitions/etcd2/properties/proxy/enum");
    assertThat(proxy.toString()).isEqualTo("[\"on\",\"off\",\"readonly\",true,false]");
  }

  @Test
  void ecmaPattern_caseInsensitiveGroup_isSpelledOut() {
    String window =
        EcmaPattern.of(
            CloudConfigSchema.ROOT
                .field("coreos")
                .orElseThrow()
                .struct()
                .field("locksmith")
                .orElseThrow()
                .struct()
                .field("window_start")
                .orElseThrow()
                .valid());
    assertThat(window).doesNotContain("(?i");
    Pattern p = Pattern.compile(window);
    // Upstream's truth table (config/locksmith_test.go).
    for (String ok : List.of("Sun 0:0", "sUn 23:59", "00:00", "20:50", "thu 04:00")) {
      assertThat(p.matcher(ok).find()).as(ok).isTrue();
    }
    for (String bad : List.of("tues 0:0", "thur 0:0", "sat00:00", "20:60", "24:00")) {
      assertThat(p.matcher(bad).find()).as(bad).isFalse();
    }
  }

  @Test
  void ecmaPattern_javaOnlySyntax_isRefused() {
    assertThatThrownBy(() -> EcmaPattern.of(Pattern.compile("\\Qa.b\\E")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\\Q");
    assertThatThrownBy(() -> EcmaPattern.of(Pattern.compile("(?i:[a-z])")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(EcmaPattern.of(Pattern.compile("0?[0-7]{3,4}"))).isEqualTo("^(?:0?[0-7]{3,4})$");
  }

  /** Spellings and whether YAML 1.2 (core schema) reads them as a number. */
  private static final List<String> NUMBER_LIKE =
      List.of(
          "0",
          "7",
          "-7",
          "+7",
          "0644",
          "0o17",
          "0x1F",
          "0X1F",
          "0b101",
          "-0b101",
          "0B11",
          "1_000",
          "-1_000",
          "+_1",
          "0_17",
          "0_8",
          "08",
          "0x_1F",
          "0_x1F",
          "-0x1F",
          "+0o17",
          "0o",
          "0x",
          "0b",
          "0x_",
          "0b2",
          "1.5",
          "1_000.5",
          "-.5",
          ".5_0",
          "1e3",
          "1e_3",
          "1_e3",
          "1.",
          "_1",
          "1__",
          ".inf",
          "-.Inf",
          ".NaN",
          "1:20",
          "12abc",
          "0xG",
          "1.2.3",
          "+",
          "-",
          ".",
          "e3",
          "99999999999999999999",
          "9_223_372_036_854_775_807");

  /** Numbers in YAML 1.2's core schema (the yaml library's core int and float tags). */
  private static final Pattern YAML12_NUMBER =
      Pattern.compile(
          "[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
              + "|[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");

  /** Numbers in the yaml library's YAML 1.1 schema (yaml-language-server's 1.1 mode). */
  private static final Pattern YAML11_EDITOR_NUMBER =
      Pattern.compile(
          "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?[0-9][0-9_]*|[-+]?0x[0-9a-fA-F_]+"
              + "|[-+]?(?:[0-9][0-9_]*)?(?:\\.[0-9_]*)?[eE][-+]?[0-9]+|[-+]?(?:[0-9][0-9_]*)?\\.[0-9_]*"
              + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+");

  /** Whether every editor reading (YAML 1.2 and YAML 1.1) takes the text for a number. */
  private static boolean numberToEveryEditor(String text) {
    return YAML12_NUMBER.matcher(text).matches() && YAML11_EDITOR_NUMBER.matcher(text).matches();
  }

  @Test
  void intText_matchesTheRuntimeIntsSomeEditorKeepsAsText() {
    Pattern intText = Pattern.compile(Yaml11Spellings.INT_TEXT);
    for (String text : NUMBER_LIKE) {
      ResolvedScalar runtime = YamlScalar.plain(text, Position.START).resolve();
      boolean expected = runtime.type() == ResolvedScalar.Type.INT && !numberToEveryEditor(text);
      assertThat(intText.matcher(text).find()).as(text).isEqualTo(expected);
    }
  }

  @Test
  void numberText_matchesTheRuntimeNumbersSomeEditorKeepsAsText() {
    Pattern numberText = Pattern.compile(Yaml11Spellings.NUMBER_TEXT);
    for (String text : NUMBER_LIKE) {
      ResolvedScalar runtime = YamlScalar.plain(text, Position.START).resolve();
      boolean expected =
          (runtime.type() == ResolvedScalar.Type.INT || runtime.type() == ResolvedScalar.Type.FLOAT)
              && !numberToEveryEditor(text);
      assertThat(numberText.matcher(text).find()).as(text).isEqualTo(expected);
    }
  }

  @Test
  void boolWords_areTheYaml11BooleansThatYaml12KeepsAsText() {
    for (String word : Yaml11Spellings.BOOL_WORDS) {
      assertThat(YamlScalar.plain(word, Position.START).resolve().type())
          .as(word)
          .isEqualTo(ResolvedScalar.Type.BOOL);
    }
    assertThat(Yaml11Spellings.BOOL_WORDS).doesNotContain("true", "False", "TRUE");
  }

  @Test
  void render_isParseableJson() throws IOException {
    JsonNode parsed = new ObjectMapper().readTree(JsonSchemaGenerator.render());
    assertThat(parsed.get("$schema").asText()).isEqualTo(JsonSchemaGenerator.DIALECT);
  }
}
