package dev.kindling.cli.compat;

import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.Severity;
import dev.kindling.config.UnixPath;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.config.yaml.Position;
import dev.kindling.userdata.UserData;
import dev.kindling.validate.Entry;
import dev.kindling.validate.FileReport;
import dev.kindling.value.GoQuote;
import dev.kindling.value.Gzip;
import dev.kindling.value.OneLine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
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
  private static final String READ_ONLY = "file cannot be written to a read-only filesystem";

  /**
   * What a row may need beyond the finding: the user data (libyaml named the kind of bad UTF-8) and
   * the original's names of the keys, by position ({@link OriginalView#keyNames()}).
   */
  private static final class Source {
    private final byte[] text;
    private final Map<Position, String> keyNames;

    private final Map<Position, Integer> contentLines;

    Source(byte[] text, Map<Position, String> keyNames, Map<Position, Integer> contentLines) {
      this.text = text;
      this.keyNames = keyNames;
      this.contentLines = contentLines;
    }

    Map<Position, Integer> contentLines() {
      return contentLines;
    }

    byte[] text() {
      return text;
    }

    Map<Position, String> keyNames() {
      return keyNames;
    }
  }

  /** A row of the table: the original's entries for a finding at {@code line}. */
  @FunctionalInterface
  private interface Row {
    List<OriginalEntry> entries(Finding f, int line, Source source);
  }

  /** The table: a finding code to the original's entries for it. */
  private static final Map<Code, Row> TABLE = new EnumMap<>(Code.class);

  static {
    TABLE.put(
        Code.NOT_CLOUD_CONFIG,
        (f, line, source) ->
            one(
                OriginalRule.USER_DATA_KIND,
                1,
                "error",
                "must be \"#cloud-config\" or begin with \"#!\""));
    TABLE.put(
        Code.YAML_SYNTAX,
        (f, line, source) -> {
          // Kindling also names the causes of a syntax error (args "cause"); the original printed
          // only the parser's error, which the first cause carries when it replaced it.
          if (f.args().equals(List.of("cause"))) {
            return List.of();
          }
          if (f.args().size() == 3) {
            return one(
                OriginalRule.YAML,
                Integer.parseInt(f.args().get(1)),
                "error",
                LibyamlMessages.of(f.args().get(0), source.text()));
          }
          return one(
              OriginalRule.YAML, line, "error", LibyamlMessages.of(f.message(), source.text()));
        });
    TABLE.put(
        Code.DISCOVERY_URL,
        (f, line, source) ->
            f.path().equals(ETCD_DISCOVERY)
                ? one(OriginalRule.DISCOVERY_URL, line, "warning", "discovery URL is not valid")
                : List.of());
    TABLE.put(
        Code.CONTENT_DECODE,
        (f, line, source) ->
            f.args().isEmpty()
                ? List.of()
                : one(OriginalRule.ENCODING, line, "error", cannotDecode(f.args().get(0))));
    TABLE.put(
        Code.INCORRECT_TYPE,
        (f, line, source) ->
            f.path().isRoot()
                ? List.of() // a document that is not a mapping: the original reported nothing
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
    // #include user data (Kindling's extension) was not cloud-config to the original.
    TABLE.put(
        Code.EXTENSION_KEY,
        (f, line, source) ->
            f.message().startsWith("#include")
                ? one(
                    OriginalRule.USER_DATA_KIND,
                    1,
                    "error",
                    "must be \"#cloud-config\" or begin with \"#!\"")
                : List.of());
    TABLE.put(Code.MISPLACED_KEY, OriginalFindings::unrecognized);
    TABLE.put(
        Code.DEPRECATED_KEY,
        (f, line, source) ->
            one(
                OriginalRule.STRUCTURE,
                line,
                "warning",
                "deprecated key \"" + f.args().get(0) + "\" (" + f.args().get(1) + ")"));
    TABLE.put(Code.INVALID_VALUE, OriginalFindings::invalidValue);
    // The original's check is made on its own terms (readOnly); what Kindling finds beyond it (a
    // relative path under usr/) failed the original's run.
    TABLE.put(
        Code.READ_ONLY_PATH,
        (f, line, source) -> one(OriginalRule.RUN_FAILURE, line, "error", READ_ONLY));
    TABLE.put(
        Code.WRITE_FILES_UNDER_COREOS,
        (f, line, source) ->
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

  /**
   * The original's read-only check: the directory of the path, cleaned, starts with the text "/usr"
   * (so "/usrdata/x" too, and not "usr/x", which its run then wrote to /usr and failed on).
   */
  static boolean readOnly(String path) {
    int slash = path.lastIndexOf('/');
    return UnixPath.clean(slash < 0 ? "" : path.substring(0, slash + 1)).startsWith("/usr");
  }

  /**
   * The original's report for Kindling's {@code report}: its entries rule by rule, in document
   * order within a rule; nothing about a mapping entry that a later one with the same key replaced,
   * and Kindling's own keys as unrecognized ({@link OriginalView}). After a YAML error the original
   * had no tree to check: it reported the error and a type warning for the empty document, and
   * nothing else. {@code userData} is the user data as delivered (gzip is decompressed here).
   */
  public static List<OriginalEntry> of(FileReport report, byte[] userData) {
    byte[] data = decompressed(userData);
    return of(report, data, view(report, data));
  }

  /**
   * The lines the original's validator logged for Kindling's {@code report} of {@code userData}
   * (without the log's timestamp): its entries ({@link #of}), or the one line of its crash.
   */
  public static List<String> lines(FileReport report, byte[] userData) {
    byte[] data = decompressed(userData);
    Optional<OriginalView> view = view(report, data);
    Optional<String> crash = view.flatMap(OriginalView::crash);
    if (crash.isPresent()) {
      return List.of("Failed while validating user_data (" + GoQuote.quote(crash.get()) + ")");
    }
    return of(report, data, view).stream().map(OriginalEntry::text).toList();
  }

  private static Optional<OriginalView> view(FileReport report, byte[] data) {
    return report.type() == UserData.Kind.CLOUD_CONFIG
        ? Optional.of(OriginalView.of(data))
        : Optional.empty();
  }

  private static List<OriginalEntry> of(
      FileReport report, byte[] data, Optional<OriginalView> cloudConfig) {
    Set<Position> unseen = Set.of();
    Map<Position, String> keyNames = Map.of();
    Map<Position, Position> deciding = Map.of();
    Map<Position, Integer> contentLines = Map.of();
    Set<Position> readOnlyPaths = new HashSet<>();
    List<OriginalEntry> out = new ArrayList<>();
    if (cloudConfig.isPresent()) {
      OriginalView view = cloudConfig.get();
      unseen = view.unseen();
      keyNames = view.keyNames();
      deciding = view.decidingValues();
      contentLines = view.contentLines();
      for (OriginalView.FilePath path : view.filePaths()) {
        if (readOnly(path.text())) {
          readOnlyPaths.add(path.position());
        }
      }
      for (OriginalView.KindlingKey key : view.kindlingKeys()) {
        out.add(
            new OriginalEntry(
                OriginalRule.STRUCTURE,
                key.position().line(),
                "warning",
                "unrecognized key \"" + key.name() + "\""));
      }
    }
    for (Position path : readOnlyPaths) {
      out.add(new OriginalEntry(OriginalRule.WRITE_FILES, path.line(), "error", READ_ONLY));
    }
    for (Entry e : report.entries()) {
      Finding f = e.finding();
      if (f.code() == Code.READ_ONLY_PATH
          && f.position().map(readOnlyPaths::contains).orElse(false)) {
        continue; // the original's own check (above) reported it
      }
      if (f.code() == Code.INVALID_VALUE && f.position().map(deciding::containsKey).orElse(false)) {
        continue; // one key in two spellings: checked below, with the value that decided
      }
      if (f.position().map(unseen::contains).orElse(false)) {
        continue; // in an entry the original never saw, or inside one of Kindling's own keys
      }
      int line = f.position().map(p -> p.line()).orElse(1);
      Row row = TABLE.get(f.code());
      if (row != null) {
        out.addAll(row.entries(f, line, new Source(data, keyNames, contentLines)));
      }
    }
    out.addAll(spelledTwice(report, deciding));
    out.sort(
        (a, b) -> {
          int byRule = a.rule().compareTo(b.rule());
          return byRule != 0 ? byRule : Integer.compare(a.line(), b.line());
        });
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

  /**
   * A key with a pattern given in both spellings: the original checked each with the last one's
   * value, so each is invalid exactly when that value is.
   */
  private static List<OriginalEntry> spelledTwice(
      FileReport report, Map<Position, Position> deciding) {
    Map<Position, String> invalid = new HashMap<>();
    for (Entry e : report.entries()) {
      Finding f = e.finding();
      if (f.code() == Code.INVALID_VALUE && !f.args().isEmpty() && f.position().isPresent()) {
        invalid.put(f.position().get(), f.args().get(0));
      }
    }
    List<OriginalEntry> out = new ArrayList<>();
    deciding.forEach(
        (value, decider) -> {
          String text = invalid.get(decider);
          if (text != null) {
            out.add(
                new OriginalEntry(
                    OriginalRule.VALIDITY, value.line(), "error", "invalid value " + text));
          }
        });
    return out;
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
  private static List<OriginalEntry> unrecognized(Finding f, int line, Source source) {
    if (f.args().isEmpty()) {
      String key = f.position().map(source.keyNames()::get).orElse(null);
      return one(
          OriginalRule.YAML, line, "error", key == null ? f.message() : "invalid map key: " + key);
    }
    String name = f.position().map(source.keyNames()::get).orElse(f.args().get(0));
    return one(
        OriginalRule.STRUCTURE,
        line,
        "warning",
        "unrecognized key \"" + name.replace('-', '_') + "\"");
  }

  /**
   * A YAML scalar that does not decode was a YAML error; a value that does not match one of the
   * original's patterns was "invalid value" (and an unsupported encoding also failed to decode);
   * {@code manage_etc_hosts} failed the original's run; Kindling's own patterns are its own.
   */
  private static List<OriginalEntry> invalidValue(Finding f, int line, Source source) {
    if (f.args().isEmpty()) {
      return one(OriginalRule.YAML, line, "error", f.message());
    }
    if (f.path().equals(MANAGE_ETC_HOSTS)) {
      return runFailure(f, line, source);
    }
    if (!PATTERN_FIELDS.contains(shape(f.path()))) {
      return List.of();
    }
    String value = f.args().get(0);
    OriginalEntry invalid =
        new OriginalEntry(OriginalRule.VALIDITY, line, "error", "invalid value " + value);
    if (f.path().lastKey().equals("encoding")) {
      int content = f.position().map(source.contentLines()::get).orElse(line);
      return List.of(
          new OriginalEntry(OriginalRule.ENCODING, content, "error", cannotDecode(value)), invalid);
    }
    return List.of(invalid);
  }

  private static List<OriginalEntry> runFailure(Finding f, int line, Source source) {
    return f.severity() == Severity.ERROR
        ? one(OriginalRule.RUN_FAILURE, line, "error", OneLine.escape(f.message()))
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
