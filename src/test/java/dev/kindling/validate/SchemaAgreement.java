package dev.kindling.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.AnnotationKeyword;
import com.networknt.schema.path.NodePath;
import dev.kindling.config.Code;
import dev.kindling.config.FieldKind;
import dev.kindling.config.Finding;
import dev.kindling.config.SchemaField;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.config.yaml.ResolvedScalar;
import dev.kindling.config.yaml.YamlDocument;
import dev.kindling.config.yaml.YamlParser;
import dev.kindling.config.yaml.YamlScalar;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Compares what {@link Validator} and the generated JSON schema say about one cloud-config
 * document, restricted to the two kinds of finding both can express: unknown keys and wrong types.
 *
 * <p>The schema validator gets a JSON tree built from our own composed YAML with the binder's YAML
 * 1.1 resolution ({@link YamlJsonTree}). Two differences are inherent to JSON and are reported as
 * "explained" rather than as disagreements, each only in its narrow case:
 *
 * <ul>
 *   <li>a quoted scalar the binder rejects because it is quoted ({@code enable: "yes"}, {@code
 *       snapshot_count: "1_000"}): JSON has no quotes, and the schema must accept these strings
 *       because YAML 1.2 editors read the unquoted words as strings;
 *   <li>an int field holding a YAML 1.1 float with no fraction ({@code 1.0}, {@code 08}): JSON
 *       Schema counts 1.0 as an integer.
 * </ul>
 *
 * Scalars whose explicit tag does not fit ({@code !!int abc}) are left out on both sides: the
 * binder reports them as invalid values. A document with a YAML syntax error has no tree to
 * compare.
 */
final class SchemaAgreement {
  /** The kinds of finding compared. */
  enum Kind {
    UNKNOWN_KEY("unknown key"),
    WRONG_TYPE("wrong type");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** One finding of either side, reduced to what is compared, with a note for the diff. */
  record Item(ConfigPath path, Kind kind, String note) {
    String key() {
      return kind + " at " + (path.isRoot() ? "(root)" : path.toString());
    }
  }

  /**
   * The outcome for one document.
   *
   * @param agreed what both sides report
   * @param onlyValidator what only the validator reports (and is not explained)
   * @param onlySchema what only the schema reports
   * @param explained validator-only findings explained by a known JSON limitation
   */
  record Outcome(
      List<Item> agreed, List<Item> onlyValidator, List<Item> onlySchema, List<Item> explained) {
    boolean agrees() {
      return onlyValidator.isEmpty() && onlySchema.isEmpty();
    }

    String diff() {
      StringBuilder out = new StringBuilder();
      for (Item i : onlyValidator) {
        out.append("  only the validator reports ").append(i.key()).append(": ");
        out.append(i.note()).append('\n');
      }
      for (Item i : onlySchema) {
        out.append("  only the JSON schema reports ").append(i.key()).append(": ");
        out.append(i.note()).append('\n');
      }
      return out.toString();
    }
  }

  private final Schema schema;

  SchemaAgreement(JsonNode schemaJson) {
    // Draft-07 plus the editor annotations the generator writes (yaml-language-server reads them).
    Dialect dialect =
        Dialect.builder(Dialects.getDraft7())
            .keyword(new AnnotationKeyword("deprecated"))
            .keyword(new AnnotationKeyword("deprecationMessage"))
            .build();
    this.schema = SchemaRegistry.withDefaultDialect(dialect).getSchema(schemaJson);
  }

  /** Compares both sides for one cloud-config document. */
  Outcome compare(byte[] cloudConfig) {
    YamlDocument document = YamlParser.parse(cloudConfig);
    if (!document.problems().isEmpty()) {
      // No tree to give the schema: an editor shows its own YAML syntax error here.
      return new Outcome(List.of(), List.of(), List.of(), List.of());
    }
    Optional<YamlJsonTree> tree = document.root().map(YamlJsonTree::of);
    Map<String, Item> fromValidator = validatorItems(cloudConfig);
    Map<String, Item> fromSchema = tree.isPresent() ? schemaItems(tree.get()) : new TreeMap<>();
    if (tree.isPresent()) {
      for (List<Object> raw : tree.get().invalidTags()) {
        ConfigPath at = CanonicalPath.of(raw).path();
        fromValidator.values().removeIf(i -> i.path().equals(at));
        fromSchema.values().removeIf(i -> i.path().equals(at));
      }
    }
    List<Item> agreed = new ArrayList<>();
    List<Item> onlyValidator = new ArrayList<>();
    List<Item> explained = new ArrayList<>();
    for (Map.Entry<String, Item> e : fromValidator.entrySet()) {
      if (fromSchema.remove(e.getKey()) != null) {
        agreed.add(e.getValue());
      } else if (tree.isPresent() && explained(e.getValue(), tree.get())) {
        explained.add(e.getValue());
      } else {
        onlyValidator.add(e.getValue());
      }
    }
    return new Outcome(agreed, onlyValidator, new ArrayList<>(fromSchema.values()), explained);
  }

  private static Map<String, Item> validatorItems(byte[] cloudConfig) {
    Map<String, Item> items = new TreeMap<>();
    for (Entry entry : Validator.validate("input", cloudConfig, Optional.empty()).entries()) {
      Finding f = entry.finding();
      Kind kind =
          f.code() == Code.INCORRECT_TYPE
              ? Kind.WRONG_TYPE
              : f.code() == Code.UNKNOWN_KEY || f.code() == Code.MISPLACED_KEY
                  ? Kind.UNKNOWN_KEY
                  : null;
      if (kind != null) {
        String where = f.position().map(p -> "line " + p + ": ").orElse("");
        Item item = new Item(f.path(), kind, where + f.message());
        items.putIfAbsent(item.key(), item);
      }
    }
    return items;
  }

  private Map<String, Item> schemaItems(YamlJsonTree tree) {
    Map<String, Item> items = new TreeMap<>();
    for (Error error : schema.validate(tree.root())) {
      add(items, error, null);
    }
    for (YamlJsonTree.Duplicate duplicate : tree.duplicates()) {
      for (Error error : schema.validate(YamlJsonTree.isolate(duplicate))) {
        add(items, error, CanonicalPath.of(duplicate.path()).path());
      }
    }
    return items;
  }

  /** Adds a schema error if it is one of the compared kinds (and lies below {@code within}). */
  private static void add(Map<String, Item> items, Error error, ConfigPath within) {
    List<Object> raw = segments(error.getInstanceLocation());
    Kind kind;
    if ("type".equals(error.getKeyword())) {
      kind = Kind.WRONG_TYPE;
    } else if ("additionalProperties".equals(error.getKeyword())) {
      kind = Kind.UNKNOWN_KEY;
      raw.add(error.getProperty());
    } else {
      return;
    }
    ConfigPath path = CanonicalPath.of(raw).path();
    if (within != null && !within.contains(path)) {
      return;
    }
    Item item = new Item(path, kind, error.getMessage());
    items.putIfAbsent(item.key(), item);
  }

  private static List<Object> segments(NodePath path) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      out.add(path.getElement(i));
    }
    return out;
  }

  /** Whether a validator-only finding is one of the two known JSON limitations. */
  private static boolean explained(Item item, YamlJsonTree tree) {
    if (item.kind() != Kind.WRONG_TYPE) {
      return false;
    }
    Optional<SchemaField> field = fieldAt(item.path());
    Optional<YamlScalar> scalar = scalarAt(item.path(), tree);
    if (field.isEmpty() || scalar.isEmpty()) {
      return false;
    }
    FieldKind kind = field.get().kind();
    YamlScalar s = scalar.get();
    boolean quoted =
        s.style() == YamlScalar.Style.SINGLE_QUOTED || s.style() == YamlScalar.Style.DOUBLE_QUOTED;
    ResolvedScalar plain = YamlScalar.plain(s.text(), s.position()).resolve();
    if (quoted && s.tag() == null && fits(kind, plain.type())) {
      return true;
    }
    ResolvedScalar resolved = s.resolve();
    return kind == FieldKind.INT
        && resolved.type() == ResolvedScalar.Type.FLOAT
        && isIntegral((Double) resolved.value());
  }

  private static boolean fits(FieldKind kind, ResolvedScalar.Type type) {
    return switch (kind) {
      case BOOL -> type == ResolvedScalar.Type.BOOL;
      case INT -> type == ResolvedScalar.Type.INT;
      case FLOAT -> type == ResolvedScalar.Type.INT || type == ResolvedScalar.Type.FLOAT;
      default -> false;
    };
  }

  private static boolean isIntegral(double d) {
    return Double.isFinite(d) && d == Math.rint(d);
  }

  private static Optional<SchemaField> fieldAt(ConfigPath path) {
    return path.isRoot()
        ? Optional.empty()
        : CanonicalPath.of(List.copyOf(path.segments())).field();
  }

  private static Optional<YamlScalar> scalarAt(ConfigPath path, YamlJsonTree tree) {
    return tree.scalars().stream()
        .filter(a -> CanonicalPath.of(a.path()).path().equals(path))
        .map(YamlJsonTree.At::scalar)
        .min(Comparator.comparing(YamlScalar::position));
  }
}
