package dev.kindling.cli.compat;

import dev.kindling.config.CloudConfigSchema;
import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.SchemaField;
import dev.kindling.config.Severity;
import dev.kindling.config.StructSchema;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.config.yaml.Position;
import dev.kindling.userdata.UserData;
import dev.kindling.validate.Entry;
import dev.kindling.validate.FileReport;
import dev.kindling.value.GoQuote;
import dev.kindling.value.Gzip;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which of Kindling's findings coreos-cloudinit's validator reported, and how: the one table from
 * finding codes to the original's rule, severity and message template. A code without a row, or a
 * row that yields nothing for a finding, is Kindling's own and is not reported; the exception is
 * {@link OriginalRule#RUN_FAILURE}: Kindling's errors for input the original's run failed on.
 * Positions are Kindling's (the true line), where the original was often one line off or said
 * {@code line 0} (docs/compatibility.md#the-launchers--validate-is-the-originals).
 */
public final class OriginalFindings {
  /** The original's checkValidity patterns: the only values it reported as invalid. */
  private static final Set<List<Object>> PATTERN_FIELDS =
      Set.of(
          List.of("write_files", 0, "encoding"),
          List.of("write_files", 0, "permissions"),
          List.of("coreos", "units", 0, "command"),
          List.of("coreos", "update", "reboot_strategy"),
          List.of("coreos", "locksmith", "window_start"),
          List.of("coreos", "locksmith", "window_length"),
          List.of("coreos", "etcd2", "proxy"));

  private static final ConfigPath ETCD_DISCOVERY = ConfigPath.of("coreos", "etcd", "discovery");
  private static final ConfigPath MANAGE_ETC_HOSTS = ConfigPath.of("manage_etc_hosts");

  /** A row of the table: the original's entries for a finding at {@code line}. */
  @FunctionalInterface
  private interface Row {
    /** {@code userData}: the data the finding is about (libyaml named the kind of bad UTF-8). */
    List<OriginalEntry> entries(Finding f, int line, byte[] userData);
  }

  /** The table: a finding code to the original's entries for it. */
  private static final Map<Code, Row> TABLE = new EnumMap<>(Code.class);

  static {
    TABLE.put(
        Code.NOT_CLOUD_CONFIG,
        (f, line, data) ->
            one(
                OriginalRule.USER_DATA_KIND,
                1,
                "error",
                "must be \"#cloud-config\" or begin with \"#!\""));
    TABLE.put(
        Code.YAML_SYNTAX,
        (f, line, data) ->
            one(OriginalRule.YAML, line, "error", LibyamlMessages.of(f.message(), data)));
    TABLE.put(
        Code.DISCOVERY_URL,
        (f, line, data) ->
            f.path().equals(ETCD_DISCOVERY)
                ? one(OriginalRule.DISCOVERY_URL, line, "warning", "discovery URL is not valid")
                : List.of());
    TABLE.put(
        Code.CONTENT_DECODE,
        (f, line, data) ->
            f.args().isEmpty()
                ? List.of()
                : one(OriginalRule.ENCODING, line, "error", cannotDecode(f.args().get(0))));
    TABLE.put(
        Code.INCORRECT_TYPE,
        (f, line, data) ->
            f.path().isRoot() || underExtension(f.path())
                // a document that is not a mapping, or a value inside a key the original did not
                // know: the original reported nothing
                ? List.of()
                : one(
                    OriginalRule.STRUCTURE,
                    line,
                    "warning",
                    "incorrect type for \""
                        + f.args().get(0)
                        + "\" (want "
                        + f.args().get(1)
                        + ")"));
    TABLE.put(Code.UNKNOWN_KEY, OriginalFindings::unrecognized);
    // Kindling's extensions were unknown to the original: a key (bootcmd, runcmd, append) was an
    // unrecognized key, #include user data was not cloud-config.
    TABLE.put(
        Code.EXTENSION_KEY,
        (f, line, data) -> {
          if (!f.args().isEmpty()) {
            return unrecognized(f, line, data);
          }
          if (f.message().startsWith("#include")) {
            return one(
                OriginalRule.USER_DATA_KIND,
                1,
                "error",
                "must be \"#cloud-config\" or begin with \"#!\"");
          }
          return List.of();
        });
    TABLE.put(Code.MISPLACED_KEY, OriginalFindings::unrecognized);
    TABLE.put(
        Code.DEPRECATED_KEY,
        (f, line, data) ->
            one(
                OriginalRule.STRUCTURE,
                line,
                "warning",
                "deprecated key \"" + f.args().get(0) + "\" (" + f.args().get(1) + ")"));
    TABLE.put(Code.INVALID_VALUE, OriginalFindings::invalidValue);
    TABLE.put(
        Code.READ_ONLY_PATH,
        (f, line, data) ->
            one(
                OriginalRule.WRITE_FILES,
                line,
                "error",
                "file cannot be written to a read-only filesystem"));
    TABLE.put(
        Code.WRITE_FILES_UNDER_COREOS,
        (f, line, data) ->
            one(
                OriginalRule.WRITE_FILES_UNDER_COREOS,
                line,
                "info",
                "write_files doesn't belong under coreos"));
    // Not checked by the original's validator, but its run failed on them (docs/compatibility.md).
    for (Code code :
        List.of(
            Code.COMPRESSION,
            Code.MULTIPART,
            Code.USER_NAME,
            Code.MISSING_PATH,
            Code.INVALID_PATH,
            Code.PATH_CONFLICT)) {
      TABLE.put(code, OriginalFindings::runFailure);
    }
  }

  private OriginalFindings() {}

  /** Whether {@code path} is inside a Kindling extension key, which the original never read. */
  private static boolean underExtension(ConfigPath path) {
    StructSchema schema = CloudConfigSchema.ROOT;
    for (Object segment : path.segments()) {
      if (!(segment instanceof String key)) {
        continue;
      }
      Optional<SchemaField> field = schema == null ? Optional.empty() : schema.field(key);
      if (field.isEmpty()) {
        return false;
      }
      if (field.get().kindlingExtension()) {
        return true;
      }
      schema = field.get().struct();
    }
    return false;
  }

  /**
   * The original's report for Kindling's {@code report}: its entries rule by rule, in document
   * order within a rule; nothing about a mapping entry that a later one with the same key replaced.
   * After a YAML error the original had no tree to check: it reported the error and a type warning
   * for the empty document, and nothing else. {@code userData} is the user data as delivered (gzip
   * is decompressed here).
   */
  public static List<OriginalEntry> of(FileReport report, byte[] userData) {
    byte[] data = decompressed(userData);
    Set<Position> replaced =
        report.type() == UserData.Kind.CLOUD_CONFIG && !report.entries().isEmpty()
            ? ShadowedNodes.in(data)
            : Set.of();
    List<OriginalEntry> out = new ArrayList<>();
    for (Entry e : report.entries()) {
      Finding f = e.finding();
      if (f.position().map(replaced::contains).orElse(false)) {
        continue; // about an entry a later one with the same key replaced: never seen
      }
      int line = f.position().map(p -> p.line()).orElse(1);
      Row row = TABLE.get(f.code());
      if (row != null) {
        out.addAll(row.entries(f, line, data));
      }
    }
    out.sort(Comparator.comparing(OriginalEntry::rule));
    return out.stream()
        .filter(o -> o.rule() == OriginalRule.YAML)
        .findFirst()
        .map(
            yaml ->
                List.of(
                    yaml,
                    new OriginalEntry(
                        OriginalRule.YAML, 1, "warning", "incorrect type for \"\" (want struct)")))
        .orElse(out);
  }

  private static List<OriginalEntry> one(OriginalRule rule, int line, String kind, String text) {
    return List.of(new OriginalEntry(rule, line, kind, text));
  }

  private static String cannotDecode(String encoding) {
    return "content cannot be decoded as " + GoQuote.quote(encoding);
  }

  /**
   * The original named keys after replacing '-' with '_'; a collection as a key was a YAML error.
   */
  private static List<OriginalEntry> unrecognized(Finding f, int line, byte[] data) {
    if (f.args().isEmpty()) {
      return one(OriginalRule.YAML, line, "error", f.message());
    }
    return one(
        OriginalRule.STRUCTURE,
        line,
        "warning",
        "unrecognized key \"" + f.args().get(0).replace('-', '_') + "\"");
  }

  /**
   * A YAML scalar that does not decode was a YAML error; a value that does not match one of the
   * original's patterns was "invalid value" (and an unsupported encoding also failed to decode);
   * {@code manage_etc_hosts} failed the original's run; Kindling's own patterns are its own.
   */
  private static List<OriginalEntry> invalidValue(Finding f, int line, byte[] data) {
    if (f.args().isEmpty()) {
      return one(OriginalRule.YAML, line, "error", f.message());
    }
    if (f.path().equals(MANAGE_ETC_HOSTS)) {
      return runFailure(f, line, data);
    }
    if (!PATTERN_FIELDS.contains(shape(f.path()))) {
      return List.of();
    }
    String value = f.args().get(0);
    OriginalEntry invalid =
        new OriginalEntry(OriginalRule.VALIDITY, line, "error", "invalid value " + value);
    if (f.path().lastKey().equals("encoding")) {
      return List.of(
          new OriginalEntry(OriginalRule.ENCODING, line, "error", cannotDecode(value)), invalid);
    }
    return List.of(invalid);
  }

  private static List<OriginalEntry> runFailure(Finding f, int line, byte[] data) {
    return f.severity() == Severity.ERROR
        ? one(OriginalRule.RUN_FAILURE, line, "error", f.message())
        : List.of();
  }

  /** The path with every list index as 0. */
  private static List<Object> shape(ConfigPath path) {
    List<Object> out = new ArrayList<>(path.segments().size());
    for (Object segment : path.segments()) {
      out.add(segment instanceof Integer ? 0 : segment);
    }
    return out;
  }

  private static byte[] decompressed(byte[] userData) {
    if (!Gzip.isGzip(userData)) {
      return userData;
    }
    try {
      return Gzip.gunzip(userData);
    } catch (IOException e) {
      return userData; // reported as a compression error, which needs no text
    }
  }
}
