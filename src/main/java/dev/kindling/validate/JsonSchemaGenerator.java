package dev.kindling.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.config.CloudConfigSchema;
import dev.kindling.config.FieldKind;
import dev.kindling.config.SchemaField;
import dev.kindling.config.StructSchema;
import dev.kindling.config.yaml.Position;
import dev.kindling.config.yaml.ResolvedScalar;
import dev.kindling.config.yaml.YamlScalar;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Generates the JSON Schema (draft-07) that editors use to check cloud-config, from {@link
 * CloudConfigSchema}. Types follow what the binder accepts: string fields take any scalar, int,
 * float and bool fields also take the YAML 1.1 spellings a YAML 1.2 editor reads as strings ({@link
 * Yaml11Spellings}), every struct rejects unknown keys, and dashed spellings ({@code
 * reboot-strategy}) are accepted and flagged as deprecated.
 */
public final class JsonSchemaGenerator {
  /** Where the generated schema is committed, relative to the project directory. */
  public static final String FILE = "schemas/cloud-config.schema.json";

  /** The JSON Schema dialect; draft-07 is the one yaml-language-server supports best. */
  public static final String DIALECT = "http://json-schema.org/draft-07/schema#";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern KEY = Pattern.compile("[a-z0-9_]+");

  private final ObjectNode definitions = JSON.objectNode();

  private JsonSchemaGenerator() {}

  /** The schema as a JSON tree. */
  public static ObjectNode generate() {
    JsonSchemaGenerator generator = new JsonSchemaGenerator();
    ObjectNode root = JSON.objectNode();
    root.put("$schema", DIALECT);
    root.put(
        "$comment",
        "Generated from dev.kindling.config.CloudConfigSchema by"
            + " dev.kindling.validate.JsonSchemaGenerator; do not edit. Regenerate with: mvn -B"
            + " -ntp test -Dtest=JsonSchemaGeneratorTest -Dschema.update=true");
    root.put("title", "Kindling cloud-config");
    root.put(
        "description",
        "coreos-cloudinit cloud-config as Kindling reads it. Put \"#cloud-config\" on line 1 and"
            + " \"# yaml-language-server: $schema=<this file>\" on line 2.");
    generator.scalarDefinitions();
    generator.fillStruct(root, CloudConfigSchema.ROOT, "#");
    root.set("definitions", generator.definitions);
    return root;
  }

  /** The schema as committed: two-space indented JSON with a final newline. */
  public static String render() {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultPrettyPrinter.NopIndenter());
    try {
      return new ObjectMapper().writer(printer).writeValueAsString(generate()) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("failed to render the JSON schema", e);
    }
  }

  /**
   * The int, float64 and bool types, named as the validator names them ({@code want int}): the JSON
   * type, or a string the runtime reads as that type but an editor may keep as text ({@link
   * Yaml11Spellings}).
   */
  private void scalarDefinitions() {
    ObjectNode integer = definitions.putObject(FieldKind.INT.goName());
    integer.put("title", "an integer (YAML 1.1 spellings accepted)");
    integer.set("anyOf", typeOrText("integer", Yaml11Spellings.INT_TEXT));
    ObjectNode number = definitions.putObject(FieldKind.FLOAT.goName());
    number.put("title", "a number (YAML 1.1 spellings accepted)");
    number.set("anyOf", typeOrText("number", Yaml11Spellings.NUMBER_TEXT));
    ObjectNode bool = definitions.putObject(FieldKind.BOOL.goName());
    bool.put("title", "true or false (YAML 1.1 words accepted)");
    ArrayNode anyOf = bool.putArray("anyOf");
    anyOf.addObject().put("type", "boolean");
    ObjectNode words = anyOf.addObject().put("type", "string");
    Yaml11Spellings.BOOL_WORDS.forEach(words.putArray("enum")::add);
  }

  /** Fills {@code target} with the object schema of {@code struct}, found at {@code pointer}. */
  private void fillStruct(ObjectNode target, StructSchema struct, String pointer) {
    target.put("type", "object");
    target.put("additionalProperties", false);
    ObjectNode properties = target.putObject("properties");
    ObjectNode variants = JSON.objectNode();
    for (SchemaField field : struct.fields()) {
      if (!KEY.matcher(field.name()).matches()) {
        throw new IllegalStateException("unexpected key spelling: " + field.name());
      }
      properties.set(field.name(), property(field));
      if (field.name().contains("_")) {
        variants.set(
            spellingsPattern(field.name()),
            dashedSpelling(field, pointer + "/properties/" + field.name()));
      }
    }
    if (!variants.isEmpty()) {
      target.set("patternProperties", variants);
    }
  }

  private ObjectNode property(SchemaField field) {
    ObjectNode p = JSON.objectNode();
    p.put("title", field.description());
    String details = details(field);
    if (!details.isEmpty()) {
      p.put("description", details);
    }
    field
        .deprecation()
        .ifPresent(
            reason -> {
              p.put("deprecated", true);
              p.put(
                  "deprecationMessage", "deprecated key \"" + field.name() + "\" (" + reason + ")");
            });
    switch (field.kind()) {
      case STRING -> {
        p.set("type", scalarTypes());
        valueConstraint(field, p);
      }
      case INT, FLOAT, BOOL ->
          p.putArray("allOf").addObject().put("$ref", "#/definitions/" + field.kind().goName());
      case STRING_LIST -> {
        p.put("type", "array");
        ObjectNode items = p.putObject("items");
        items.set("type", scalarTypes());
        valueConstraint(field, items);
      }
      case STRUCT -> p.putArray("allOf").addObject().put("$ref", definition(field));
      case STRUCT_LIST -> {
        p.put("type", "array");
        p.putObject("items").put("$ref", definition(field));
      }
      case COMMAND_LIST -> {
        p.put("type", "array");
        ArrayNode shapes = p.putObject("items").putArray("anyOf");
        shapes.addObject().set("type", scalarTypes());
        ObjectNode argv = shapes.addObject();
        argv.put("type", "array");
        argv.put("minItems", 1);
        argv.putObject("items").set("type", scalarTypes());
        shapes.addObject().put("type", "null");
      }
    }
    return p;
  }

  /** A definition for a struct field's schema, created on first use; returns its reference. */
  private String definition(SchemaField field) {
    String name = definitionName(field);
    String ref = "#/definitions/" + name;
    if (!definitions.has(name)) {
      ObjectNode def = definitions.putObject(name);
      def.put(
          "title",
          field.kind() == FieldKind.STRUCT_LIST
              ? "an entry of " + field.name()
              : field.description());
      fillStruct(def, field.struct(), ref);
    }
    return ref;
  }

  /** {@code units} entries are a {@code unit}; a struct is named after its key. */
  private static String definitionName(SchemaField field) {
    String name = field.name();
    if (field.kind() == FieldKind.STRUCT_LIST) {
      if (!name.endsWith("s")) {
        throw new IllegalStateException("list of structs without a plural name: " + name);
      }
      return name.substring(0, name.length() - 1);
    }
    return name;
  }

  /** String fields take any scalar: the runtime uses the text as written. */
  private static ArrayNode scalarTypes() {
    return JSON.arrayNode().add("string").add("number").add("boolean");
  }

  private static ArrayNode typeOrText(String type, String textPattern) {
    ArrayNode anyOf = JSON.arrayNode();
    anyOf.addObject().put("type", type);
    anyOf.addObject().put("type", "string").put("pattern", textPattern);
    return anyOf;
  }

  /**
   * Allowed values become an {@code enum} with, for each value YAML 1.1 reads as a boolean ({@code
   * off}), that boolean too, so editors in YAML 1.1 mode accept what the runtime accepts. Other
   * patterns become {@code pattern}, which JSON Schema applies to strings only: {@code permissions:
   * 0644} is a number to an editor and passes.
   */
  private static void valueConstraint(SchemaField field, ObjectNode p) {
    if (!field.allowed().isEmpty()) {
      ArrayNode values = p.putArray("enum");
      Set<Boolean> booleans = new LinkedHashSet<>();
      for (String value : field.allowed()) {
        values.add(value);
        ResolvedScalar resolved = YamlScalar.plain(value, Position.START).resolve();
        if (resolved.type() == ResolvedScalar.Type.BOOL) {
          booleans.add((Boolean) resolved.value());
        }
      }
      booleans.forEach(values::add);
    } else if (field.valid() != null) {
      p.put("pattern", EcmaPattern.of(field.valid()));
    }
  }

  private static String details(SchemaField field) {
    List<String> parts = new ArrayList<>();
    switch (field.kind()) {
      case INT ->
          parts.add(
              "An integer; YAML 1.1 spellings such as 0x1F, 0o17, 0b101 and 1_000 are accepted.");
      case FLOAT -> parts.add("A number.");
      case BOOL -> parts.add("true or false; YAML 1.1 also reads y, yes, on and n, no, off.");
      case STRING_LIST -> parts.add("A list of strings.");
      default -> {}
    }
    if (!field.allowed().isEmpty()) {
      parts.add("One of: " + String.join(", ", field.allowed()) + ".");
    } else if (field.valid() != null) {
      parts.add("The text as written must match " + field.valid().pattern() + " (whole text).");
    }
    field.deprecation().ifPresent(reason -> parts.add("Deprecated: " + reason + "."));
    return String.join(" ", parts);
  }

  /** Matches every spelling of {@code name} with some {@code _} written as {@code -}. */
  private static String spellingsPattern(String name) {
    return "^(?!" + name + "$)" + name.replace("_", "[-_]") + "$";
  }

  private static ObjectNode dashedSpelling(SchemaField field, String canonicalPointer) {
    ObjectNode p = JSON.objectNode();
    p.put("title", field.description());
    p.put(
        "description",
        "\"-\" in keys is read as \"_\": this is "
            + field.name()
            + ". Spell it "
            + field.name()
            + "; Flatcar's coreos-cloudinit ignores dashed keys.");
    p.put("deprecated", true);
    p.put(
        "deprecationMessage",
        "dashed spelling of \"" + field.name() + "\"; spell it \"" + field.name() + "\"");
    p.putArray("allOf").addObject().put("$ref", canonicalPointer);
    return p;
  }
}
