package dev.kindling.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.userdata.UserData;
import dev.kindling.value.Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The generated JSON schema and {@link Validator} agree on unknown keys and wrong types for every
 * bundled sample, every validate golden case and the agreement fixtures. See {@link
 * SchemaAgreement} for how the two are compared and the two differences JSON cannot avoid.
 */
class SchemaAgreementTest {
  private static final Path SAMPLES = Path.of("samples/cloud-config");
  private static final Path GOLDEN = Path.of("src/test/resources/validate/golden");
  private static final Path FIXTURES = Path.of("src/test/resources/validate/schema-agreement");

  /** The committed schema, the one editors use; JsonSchemaGeneratorTest keeps it current. */
  private static final SchemaAgreement AGREEMENT = new SchemaAgreement(committedSchema());

  private static JsonNode committedSchema() {
    try {
      return new ObjectMapper().readTree(Path.of(JsonSchemaGenerator.FILE).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("failed to read " + JsonSchemaGenerator.FILE, e);
    }
  }

  @TestFactory
  Stream<DynamicTest> schemaAndValidator_agreeOnEveryInput() throws IOException {
    List<Path> inputs = new ArrayList<>();
    inputs.addAll(userDataFiles(SAMPLES));
    inputs.addAll(goldenCases());
    inputs.addAll(userDataFiles(FIXTURES));
    assertThat(inputs).as("inputs found").hasSizeGreaterThan(10);
    return inputs.stream()
        .map(input -> DynamicTest.dynamicTest(input.toString(), () -> assertAgreement(input)));
  }

  private static void assertAgreement(Path input) throws IOException {
    for (Document doc : cloudConfigs(input)) {
      SchemaAgreement.Outcome outcome = AGREEMENT.compare(doc.bytes());
      assertThat(outcome.agrees())
          .as(
              "%s: the JSON schema and the validator disagree on unknown keys or wrong types:%n%s"
                  + "Fix JsonSchemaGenerator (then regenerate the schema) or the binder.",
              doc.name(), outcome.diff())
          .isTrue();
      String name = input.getFileName().toString();
      if (input.startsWith(FIXTURES) && name.startsWith("accepted-")) {
        assertThat(outcome.agreed()).as("%s must be accepted by both", doc.name()).isEmpty();
      } else if (input.startsWith(FIXTURES)) {
        assertThat(outcome.agreed()).as("%s must exercise the comparison", doc.name()).isNotEmpty();
      }
    }
  }

  @Test
  void compare_knownJsonLimits_areExplainedAndOnlyThere() throws IOException {
    SchemaAgreement.Outcome outcome =
        AGREEMENT.compare(Files.readAllBytes(FIXTURES.resolve("known-json-limits.yaml")));
    assertThat(outcome.agrees()).as(outcome.diff()).isTrue();
    assertThat(outcome.explained())
        .extracting(SchemaAgreement.Item::key)
        .containsExactly(
            "wrong type at coreos.etcd2.heartbeat_interval",
            "wrong type at coreos.etcd2.max_snapshots",
            "wrong type at coreos.etcd2.max_wals",
            "wrong type at coreos.etcd2.snapshot_count",
            "wrong type at coreos.units[0].enable",
            "wrong type at coreos.units[0].mask");
  }

  @Test
  void compare_schemaThatAllowsUnknownKeys_disagrees() throws IOException {
    ObjectNode schema = JsonSchemaGenerator.generate();
    ((ObjectNode) schema.at("/definitions/update")).put("additionalProperties", true);
    SchemaAgreement.Outcome outcome =
        new SchemaAgreement(schema)
            .compare(Files.readAllBytes(FIXTURES.resolve("unknown-keys.yaml")));
    assertThat(outcome.agrees()).isFalse();
    assertThat(outcome.onlyValidator())
        .extracting(SchemaAgreement.Item::key)
        .containsExactly("unknown key at coreos.update.reboot_stratgy");
    assertThat(outcome.diff())
        .contains("only the validator reports unknown key at coreos.update.reboot_stratgy: line");
  }

  @Test
  void compare_schemaThatTakesAnyStringForBool_disagrees() throws IOException {
    ObjectNode schema = JsonSchemaGenerator.generate();
    ArrayNode anyOf = (ArrayNode) schema.at("/definitions/bool/anyOf");
    ((ObjectNode) anyOf.get(1)).remove("enum");
    SchemaAgreement.Outcome outcome =
        new SchemaAgreement(schema)
            .compare(Files.readAllBytes(FIXTURES.resolve("wrong-types.yaml")));
    assertThat(outcome.onlyValidator())
        .extracting(SchemaAgreement.Item::key)
        .contains("wrong type at coreos.units[0].enable");
  }

  @Test
  void compare_schemaThatRejectsNumbersInStrings_disagrees() throws IOException {
    JsonNode schema = JsonSchemaGenerator.generate();
    ((ObjectNode) schema.at("/definitions/write_file/properties/permissions"))
        .put("type", "string");
    SchemaAgreement.Outcome outcome =
        new SchemaAgreement(schema)
            .compare(Files.readAllBytes(FIXTURES.resolve("accepted-yaml11-scalars.yaml")));
    assertThat(outcome.onlySchema())
        .extracting(SchemaAgreement.Item::key)
        .containsExactly(
            "wrong type at write_files[0].permissions", "wrong type at write_files[1].permissions");
  }

  private record Document(String name, Bytes content) {
    byte[] bytes() {
      return content.toByteArray();
    }
  }

  /** The cloud-config documents of an input: itself, or its cloud-config MIME parts. */
  private static List<Document> cloudConfigs(Path input) throws IOException {
    UserData data = UserData.classify(Files.readAllBytes(input));
    List<Document> out = new ArrayList<>();
    if (data.kind() == UserData.Kind.CLOUD_CONFIG) {
      out.add(new Document(input.toString(), Bytes.of(data.bytes())));
    }
    for (UserData.Part part : data.parts()) {
      if (part.content().kind() == UserData.Kind.CLOUD_CONFIG) {
        out.add(new Document(input + " " + part.label(), Bytes.of(part.content().bytes())));
      }
    }
    return out;
  }

  /** Files {@code kindling validate} picks up in a directory. */
  static List<Path> userDataFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".yaml")
                    || n.endsWith(".yml")
                    || n.equals("user-data")
                    || n.equals("user_data");
              })
          .sorted()
          .toList();
    }
  }

  private static List<Path> goldenCases() throws IOException {
    if (!Files.isDirectory(GOLDEN)) {
      return List.of();
    }
    try (Stream<Path> cases = Files.list(GOLDEN)) {
      return cases.map(c -> c.resolve("user-data")).filter(Files::isRegularFile).sorted().toList();
    }
  }
}
