package dev.kindling.config.bind;

import dev.kindling.config.CloudConfig;
import dev.kindling.config.CloudConfigSchema;
import dev.kindling.config.Code;
import dev.kindling.config.FieldKind;
import dev.kindling.config.Finding;
import dev.kindling.config.Permissions;
import dev.kindling.config.Rejection;
import dev.kindling.config.SchemaField;
import dev.kindling.config.ShellCommand;
import dev.kindling.config.StructSchema;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.config.yaml.Position;
import dev.kindling.config.yaml.ResolvedScalar;
import dev.kindling.config.yaml.YamlDocument;
import dev.kindling.config.yaml.YamlMapping;
import dev.kindling.config.yaml.YamlNode;
import dev.kindling.config.yaml.YamlProblem;
import dev.kindling.config.yaml.YamlScalar;
import dev.kindling.config.yaml.YamlSequence;
import dev.kindling.value.Bytes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds a composed YAML document to the cloud-config model with coreos-cloudinit's decoding rules
 * (Go yaml v1): string fields take the raw scalar text, ints and booleans follow YAML 1.1, {@code
 * -} in keys means {@code _}, repeated list keys concatenate, wrong types are ignored with a
 * warning. Every decision is also a finding, so {@code validate} and {@code run} share one model.
 */
public final class ConfigBinder {
  private final List<Finding> findings = new ArrayList<>();
  private final SourceMap sources = new SourceMap();
  private final List<Rejection> rejections = new ArrayList<>();

  /** The first key bound at each model path, to report keys given more than once. */
  private final Map<ConfigPath, SeenKey> seenKeys = new HashMap<>();

  /** A key and the mapping it stands in. */
  private record SeenKey(YamlNode key, YamlMapping mapping) {}

  private ConfigBinder() {}

  /** Binds a parsed document. */
  public static BindResult bind(YamlDocument document) {
    ConfigBinder binder = new ConfigBinder();
    CloudConfig config = binder.bindDocument(document);
    return new BindResult(config, binder.sources, binder.findings, binder.rejections);
  }

  private CloudConfig bindDocument(YamlDocument document) {
    for (YamlProblem p : document.problems()) {
      findings.add(
          Finding.error(Code.YAML_SYNTAX, ConfigPath.root(), p.message()).at(p.position()));
    }
    for (Position start : document.ignoredDocuments()) {
      findings.add(
          Finding.warning(
                  Code.EXTRA_DOCUMENT,
                  ConfigPath.root(),
                  "only the first YAML document is read; this one is ignored")
              .withHint("remove the \"---\" separator or merge the documents")
              .at(start));
    }
    Optional<YamlNode> root = document.root();
    if (root.isEmpty()) {
      return CloudConfig.empty();
    }
    sources.put(ConfigPath.root(), new SourceMap.Origin(ConfigPath.root(), null, root.get()));
    if (!(root.get() instanceof YamlMapping mapping)) {
      findings.add(
          Finding.error(
                  Code.INCORRECT_TYPE,
                  ConfigPath.root(),
                  "incorrect type for \"\" (want " + FieldKind.STRUCT.userName() + ")")
              .withArgs("", FieldKind.STRUCT.goName())
              .withHint(
                  "a cloud-config document is a mapping of keys such as hostname: and coreos:")
              .at(root.get().position()));
      return CloudConfig.empty();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    bindStruct(CloudConfigSchema.ROOT, mapping, ConfigPath.root(), ConfigPath.root(), values);
    return ModelBuilder.cloudConfig(values);
  }

  /**
   * Binds a mapping against a struct schema into {@code values} (canonical field name to bound
   * value: String, Bytes, Long, Double, Boolean, List of String, Map for structs, List of Map).
   * {@code values} may already hold what an earlier mapping for the same struct bound: a key given
   * twice, at any depth, is decoded into the same value, as go-yaml decodes into one Go struct.
   * Mappings merge key by key, lists concatenate, and a later scalar replaces an earlier one; a
   * later value of the wrong type (or null) leaves the earlier one.
   */
  private void bindStruct(
      StructSchema schema,
      YamlMapping mapping,
      ConfigPath model,
      ConfigPath display,
      Map<String, Object> values) {
    for (YamlMapping.Entry entry : mapping.entries()) {
      if (!(entry.key() instanceof YamlScalar keyScalar)) {
        findings.add(
            Finding.warning(
                    Code.UNKNOWN_KEY,
                    display,
                    "unrecognized key (a " + entry.key().kindName() + " cannot be a key)")
                .at(entry.key().position()));
        continue;
      }
      String written = keyScalar.text();
      String canonical = written.replace('-', '_');
      Optional<SchemaField> known = schema.field(canonical);
      if (known.isEmpty()) {
        reportUnknown(written, entry, schema, model, display);
        continue;
      }
      SchemaField field = known.get();
      ConfigPath fieldModel = model.key(canonical);
      ConfigPath fieldDisplay = display.key(canonical);
      if (!written.equals(canonical)) {
        findings.add(
            Finding.info(
                    Code.DASH_KEY,
                    fieldDisplay,
                    "\"" + written + "\" is read as \"" + canonical + "\"")
                .withHint(
                    "spell it \""
                        + canonical
                        + "\": other tools (Flatcar's coreos-cloudinit since 3975) ignore dashed keys")
                .at(keyScalar.position()));
      }
      SeenKey previous = seenKeys.putIfAbsent(fieldModel, new SeenKey(keyScalar, mapping));
      if (previous != null && !entry.merged() && reportDuplicate(field, previous, mapping)) {
        findings.add(duplicateKey(field, canonical, fieldDisplay, keyScalar, previous.key()));
      }
      if (field.deprecated() != null) {
        findings.add(
            Finding.warning(
                    Code.DEPRECATED_KEY,
                    fieldDisplay,
                    "deprecated key \"" + canonical + "\" (" + field.deprecated() + ")")
                .withArgs(canonical, field.deprecated())
                .at(keyScalar.position()));
      }
      if (field.kindlingExtension()) {
        findings.add(
            Finding.info(
                    Code.EXTENSION_KEY,
                    fieldDisplay,
                    "\""
                        + canonical
                        + "\" is a Kindling extension: coreos-cloudinit ignores this key")
                .withHint(
                    "machines that still run coreos-cloudinit skip it; give them the same effect"
                        + " another way (a unit or a script part)")
                .withArgs(written)
                .at(keyScalar.position()));
      }
      Object existing = values.get(canonical);
      Object value = bindValue(field, keyScalar, entry.value(), fieldModel, fieldDisplay, existing);
      if (value == null) {
        continue;
      }
      boolean first = existing == null;
      if (first || !(value instanceof List<?> || value instanceof Map<?, ?>)) {
        // A scalar's origin is the value that won; a list's or struct's is its first key.
        sources.put(fieldModel, new SourceMap.Origin(fieldDisplay, keyScalar, entry.value()));
      }
      if (existing instanceof List<?> before && value instanceof List<?> after) {
        List<Object> joined = new ArrayList<>(before);
        joined.addAll(after);
        values.put(canonical, joined);
      } else {
        values.put(canonical, value);
      }
    }
  }

  /**
   * Whether a key seen before is worth its own finding: always for a scalar (one value is lost);
   * for a list or mapping only when given twice in the same mapping, as its merge is already
   * reported at the enclosing key given twice.
   */
  private static boolean reportDuplicate(SchemaField field, SeenKey previous, YamlMapping mapping) {
    boolean scalar =
        switch (field.kind()) {
          case STRING, INT, FLOAT, BOOL -> true;
          default -> false;
        };
    return scalar || previous.mapping().position().equals(mapping.position());
  }

  private static Finding duplicateKey(
      SchemaField field, String canonical, ConfigPath display, YamlScalar key, YamlNode previous) {
    String how =
        switch (field.kind()) {
          case STRING_LIST, STRUCT_LIST, COMMAND_LIST -> "the lists are concatenated";
          case STRUCT ->
              "the mappings are merged key by key (lists are concatenated, a later value replaces"
                  + " an earlier one)";
          default -> "the last one wins";
        };
    return Finding.warning(
            Code.DUPLICATE_KEY,
            display,
            "key \"" + canonical + "\" is given more than once; " + how)
        .withHint("the first one is at line " + previous.position().line())
        .at(key.position());
  }

  private void reportUnknown(
      String written,
      YamlMapping.Entry entry,
      StructSchema schema,
      ConfigPath model,
      ConfigPath display) {
    ConfigPath at = display.key(written);
    Optional<Suggestions.Suggestion> suggestion = Suggestions.forUnknown(written, schema, model);
    boolean misplaced = suggestion.map(Suggestions.Suggestion::misplaced).orElse(false);
    Finding finding =
        Finding.warning(
                misplaced ? Code.MISPLACED_KEY : Code.UNKNOWN_KEY,
                at,
                "unrecognized key \"" + written + "\"")
            .withArgs(written)
            .at(entry.key().position());
    if (suggestion.isPresent()) {
      finding = finding.withHint(suggestion.get().text());
    }
    findings.add(finding);
    if (schema.equals(CloudConfigSchema.COREOS)
        && written.replace('-', '_').equals("write_files")
        && !isNull(entry.value())) {
      findings.add(
          Finding.info(Code.WRITE_FILES_UNDER_COREOS, at, "write_files doesn't belong under coreos")
              .withHint("move write_files to the top level of the document")
              .at(entry.key().position()));
    }
  }

  private static boolean isNull(YamlNode node) {
    return node instanceof YamlScalar s && s.resolve().type() == ResolvedScalar.Type.NULL;
  }

  /**
   * The value of one key, or null when it is ignored. {@code existing} is what the same key bound
   * before (a key given twice): a struct binds into it, a list continues its indexes.
   */
  @SuppressWarnings("unchecked")
  private Object bindValue(
      SchemaField field,
      YamlNode key,
      YamlNode node,
      ConfigPath model,
      ConfigPath display,
      Object existing) {
    int listOffset = existing instanceof List<?> l ? l.size() : 0;
    return switch (field.kind()) {
      case STRING, INT, FLOAT, BOOL -> bindScalar(field, key, node, model, display);
      case STRING_LIST -> bindList(field, key, node, model, display, listOffset, this::stringItem);
      case STRUCT -> {
        if (node instanceof YamlMapping m) {
          Map<String, Object> into =
              existing instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
          bindStruct(field.struct(), m, model, display, into);
          yield into;
        }
        wrongType(field.name(), field.kind(), field.struct(), key, node, display, null);
        yield null;
      }
      case STRUCT_LIST -> bindStructList(field, key, node, model, display, listOffset);
      case COMMAND_LIST ->
          bindList(field, key, node, model, display, listOffset, this::commandItem);
    };
  }

  private Object bindScalar(
      SchemaField field, YamlNode key, YamlNode node, ConfigPath model, ConfigPath display) {
    if (!(node instanceof YamlScalar scalar)) {
      wrongType(field.name(), field.kind(), key, node, display, null);
      return null;
    }
    ResolvedScalar resolved = scalar.resolve();
    if (resolved.type() == ResolvedScalar.Type.INVALID) {
      error(
          Finding.error(Code.INVALID_VALUE, display, (String) resolved.value())
              .at(scalar.position()),
          model);
      return null;
    }
    Object value = ScalarBinding.convert(field.kind(), scalar, resolved);
    if (value == null) {
      wrongType(
          field.name(),
          field.kind(),
          key,
          node,
          display,
          ScalarBinding.hint(field.kind(), scalar, resolved));
      return ScalarBinding.truncatedFloat(field.kind(), resolved);
    }
    // A !!binary scalar in a string field is its decoded bytes, as in the original: the same rules.
    String text = value instanceof Bytes b ? b.toUtf8() : value instanceof String t ? t : null;
    if (text != null && !field.accepts(text)) {
      error(invalidValue(field, text, display, scalar.position()), model);
    }
    return value;
  }

  /** An error: the value at {@code model} is not applied. */
  private void error(Finding located, ConfigPath model) {
    findings.add(located);
    rejections.add(
        new Rejection(
            model, located.path(), located.position().orElse(Position.START), located.message()));
  }

  private static Finding invalidValue(
      SchemaField field, String text, ConfigPath display, Position position) {
    Finding finding =
        Finding.error(Code.INVALID_VALUE, display, "invalid value " + text)
            .withArgs(text)
            .at(position);
    Optional<String> hint =
        switch (field.name()) {
          case "permissions" -> Permissions.hintForInvalid(text);
          case "window_start" ->
              Optional.of(
                  "a time of day as [Day ]H:MM with an optional three-letter day, e.g. \"Sun"
                      + " 1:00\" or \"04:30\"");
          case "window_length" ->
              Optional.of("a duration with units, e.g. \"1h\", \"30m\" or \"1h30m\"");
          case "homedir" -> Optional.of("an absolute path, e.g. /home/alice");
          case "coreos_ssh_import_url" ->
              Optional.of("an http:// or https:// URL of keys in GitHub's JSON format");
          case "coreos_ssh_import_github", "coreos_ssh_import_github_users" ->
              Optional.of("a GitHub login: letters, digits and single hyphens, at most 39");
          default ->
              Optional.ofNullable(
                  field.allowed().isEmpty()
                      ? null
                      : "allowed values: \"" + String.join("\", \"", field.allowed()) + "\"");
        };
    return hint.map(finding::withHint).orElse(finding);
  }

  /** Binds one item of a list field: its value, or null when the item is left out. */
  @FunctionalInterface
  private interface ItemBinder<T> {
    T bind(
        SchemaField field, int index, YamlNode item, ConfigPath itemModel, ConfigPath itemDisplay);
  }

  /**
   * A list field's items, each bound by {@code binder} and kept with its source when it has a
   * value; null when the field holds no list. {@code offset} continues the indexes of the same key
   * given before.
   */
  private <T> List<T> bindList(
      SchemaField field,
      YamlNode key,
      YamlNode node,
      ConfigPath model,
      ConfigPath display,
      int offset,
      ItemBinder<T> binder) {
    YamlSequence seq = sequenceOrWrongType(field, key, node, display);
    if (seq == null) {
      return null;
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < seq.items().size(); i++) {
      YamlNode item = seq.items().get(i);
      ConfigPath itemModel = model.index(offset + out.size());
      ConfigPath itemDisplay = display.index(i);
      T value = binder.bind(field, i, item, itemModel, itemDisplay);
      if (value != null) {
        sources.put(itemModel, new SourceMap.Origin(itemDisplay, null, item));
        out.add(value);
      }
    }
    return out;
  }

  /**
   * An item of a string list: its text (an error finding when the field's pattern refuses it), or
   * null after an incorrect-type finding.
   */
  private String stringItem(
      SchemaField field, int index, YamlNode item, ConfigPath itemModel, ConfigPath itemDisplay) {
    Optional<String> text = scalarText(item);
    if (text.isEmpty()) {
      wrongType(field.name() + "[" + index + "]", FieldKind.STRING, null, item, itemDisplay, null);
      return null;
    }
    if (!field.accepts(text.get())) {
      error(invalidValue(field, text.get(), itemDisplay, item.position()), itemModel);
    }
    return text.get();
  }

  /**
   * The list a list field holds, or null after an incorrect-type finding (with a "write a list"
   * hint when a single scalar stands where the list belongs).
   */
  private YamlSequence sequenceOrWrongType(
      SchemaField field, YamlNode key, YamlNode node, ConfigPath display) {
    if (node instanceof YamlSequence seq) {
      return seq;
    }
    String hint =
        node instanceof YamlScalar s && !isNull(node)
            ? "write a list: " + field.name() + ": [" + abbreviate(s.text()) + "]"
            : null;
    wrongType(field.name(), field.kind(), key, node, display, hint);
    return null;
  }

  /**
   * An item of a list of commands: a string item is a shell line, a list item argv words; a null
   * item is skipped (cloud-init skips it too), anything else is ignored with an incorrect-type
   * finding. A command has no pattern to refuse it, so {@code itemModel} goes unused.
   */
  private ShellCommand commandItem(
      SchemaField field, int index, YamlNode item, ConfigPath itemModel, ConfigPath itemDisplay) {
    if (isNull(item)) {
      return null;
    }
    Optional<String> text = scalarText(item);
    if (text.isPresent()) {
      return ShellCommand.line(text.get());
    }
    if (item instanceof YamlSequence words && !words.items().isEmpty()) {
      List<String> argv = new ArrayList<>();
      for (int j = 0; j < words.items().size(); j++) {
        Optional<String> w = scalarText(words.items().get(j));
        if (w.isEmpty()) {
          wrongType(
              field.name() + "[" + index + "][" + j + "]",
              FieldKind.STRING,
              null,
              words.items().get(j),
              itemDisplay.index(j),
              null);
          return null;
        }
        argv.add(w.get());
      }
      return ShellCommand.argv(argv);
    }
    wrongType(
        field.name() + "[" + index + "]",
        FieldKind.STRING,
        null,
        item,
        itemDisplay,
        "a command is a string for the shell or a non-empty list of words (strings)");
    return null;
  }

  /** The text of a usable (neither null nor invalid) scalar: a string item or a command word. */
  private static Optional<String> scalarText(YamlNode node) {
    if (node instanceof YamlScalar s
        && s.resolve().type() != ResolvedScalar.Type.NULL
        && s.resolve().type() != ResolvedScalar.Type.INVALID) {
      Object v = ScalarBinding.convert(FieldKind.STRING, s, s.resolve());
      return Optional.of(v instanceof Bytes b ? b.toUtf8() : (String) v);
    }
    return Optional.empty();
  }

  private List<Map<String, Object>> bindStructList(
      SchemaField field,
      YamlNode key,
      YamlNode node,
      ConfigPath model,
      ConfigPath display,
      int offset) {
    if (!(node instanceof YamlSequence seq)) {
      wrongType(field.name(), field.kind(), field.struct(), key, node, display, null);
      return null;
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < seq.items().size(); i++) {
      YamlNode item = seq.items().get(i);
      ConfigPath itemDisplay = display.index(i);
      if (!(item instanceof YamlMapping m)) {
        wrongType(
            field.name() + "[" + i + "]",
            FieldKind.STRUCT,
            field.struct(),
            null,
            item,
            itemDisplay,
            null);
        continue;
      }
      ConfigPath itemModel = model.index(offset + out.size());
      sources.put(itemModel, new SourceMap.Origin(itemDisplay, null, item));
      Map<String, Object> values = new LinkedHashMap<>();
      bindStruct(field.struct(), m, itemModel, itemDisplay, values);
      out.add(values);
    }
    return out;
  }

  /**
   * A value of the wrong type, ignored. It is reported at the value, or at its key (when there is
   * one) if the value starts on a later line, as the original reports it.
   */
  private void wrongType(
      String name, FieldKind kind, YamlNode key, YamlNode node, ConfigPath display, String hint) {
    wrongType(name, kind, null, key, node, display, hint);
  }

  /**
   * A value of the wrong type, ignored: an error (run drops it), with the type in a user's words;
   * its args (the key and Go's type name) let the coreos-cloudinit launcher word it as the original
   * (a warning, {@code want []string}).
   */
  private void wrongType(
      String name,
      FieldKind kind,
      StructSchema struct,
      YamlNode key,
      YamlNode node,
      ConfigPath display,
      String hint) {
    Position at =
        key != null && node.position().line() > key.position().line()
            ? key.position()
            : node.position();
    Finding finding =
        Finding.error(
                Code.INCORRECT_TYPE,
                display,
                "incorrect type for \""
                    + name
                    + "\" (want "
                    + kind.userName(struct == null ? List.of() : struct.names())
                    + ")")
            .withArgs(name, kind.goName())
            .at(at);
    if (hint == null && isNull(node)) {
      hint = "the key has no value; give it one or remove the key";
    }
    findings.add(hint == null ? finding : finding.withHint(hint));
  }

  private static String abbreviate(String text) {
    String oneLine = text.replace('\n', ' ');
    return oneLine.length() > 30 ? oneLine.substring(0, 27) + "..." : oneLine;
  }
}
