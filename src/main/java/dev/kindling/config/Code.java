package dev.kindling.config;

/** The stable identifier of a kind of finding; {@link #id()} appears in every output format. */
public enum Code {
  NOT_CLOUD_CONFIG("not-cloud-config", "user data is neither cloud-config nor a script"),
  YAML_SYNTAX("yaml-syntax", "the YAML cannot be read"),
  EXTRA_DOCUMENT("extra-document", "only the first YAML document is used"),
  /** Args: the name (a key, or {@code key[i]} for a list item) and the Go type it wants. */
  INCORRECT_TYPE("incorrect-type", "a value has the wrong type and is ignored"),
  /** Args: the key as written (none when the key is a sequence or mapping). */
  UNKNOWN_KEY("unknown-key", "a key is not part of cloud-config and is ignored"),
  /** Args: the key as written. */
  MISPLACED_KEY("misplaced-key", "a known key stands in the wrong place and is ignored"),
  WRITE_FILES_UNDER_COREOS("write-files-under-coreos", "write_files belongs at the top level"),
  /** Args: the key and why it is deprecated. */
  DEPRECATED_KEY("deprecated-key", "a key is deprecated"),
  DASH_KEY("dash-key", "a key is spelled with '-' instead of '_'"),
  DUPLICATE_KEY("duplicate-key", "a key is given more than once"),
  /**
   * Args: the value's text when it does not match the key's pattern; none when the YAML scalar
   * itself cannot be decoded (an invalid {@code !!binary}, a tag that does not fit its text).
   */
  INVALID_VALUE("invalid-value", "a value is not one the key accepts"),
  DISCOVERY_URL("discovery-url", "an etcd discovery URL is not valid"),
  /**
   * Args: the encoding, when coreos-cloudinit's decoder failed on the content too; none when only
   * Kindling rejects it (a truncated gzip stream, content that expands beyond the limit).
   */
  CONTENT_DECODE("content-decode", "write_files content does not decode"),
  READ_ONLY_PATH("read-only-path", "a file would be written to read-only /usr"),
  RELATIVE_PATH("relative-path", "a write_files path is not absolute"),
  DUPLICATE_PATH("duplicate-path", "two write_files entries write the same path"),
  DECIMAL_PERMISSIONS("decimal-permissions", "permissions look like a decimal mode"),
  OWNER("owner", "a write_files owner is malformed"),
  DUPLICATE_UNIT("duplicate-unit", "two units have the same name"),
  UNIT_NAME("unit-name", "a unit name has no valid suffix"),
  UNIT_SYNTAX("unit-syntax", "unit or drop-in content is not valid systemd syntax"),
  UNIT_SECTION("unit-section", "unit content has a section systemd does not know"),
  UNIT_IGNORED_SETTING("unit-ignored-setting", "a unit setting has no effect"),
  MISSING_NAME("missing-name", "a unit, drop-in or user has no name and is skipped"),
  SSH_KEY("ssh-key", "an SSH public key is malformed"),
  HOSTNAME("hostname", "the hostname is not valid"),
  UNRESOLVED_VARIABLE("unresolved-variable", "a $variable cannot be resolved from metadata"),
  UNKNOWN_VARIABLE(
      "unknown-variable", "a $word looks like a misspelled $private_ipv4-style variable"),
  MULTIPART("multipart", "a multipart MIME message is malformed"),
  UNSUPPORTED_PART("unsupported-part", "a MIME part has a type Kindling does not apply"),
  COMPRESSION("compression", "compressed user data does not decompress"),
  SCRIPT_INTERPRETER("script-interpreter", "a script's #! line names no interpreter"),
  MISSING_PATH("missing-path", "a write_files entry has no path and cannot be written"),
  INVALID_PATH("invalid-path", "a write_files path holds a NUL byte or ends with /"),
  PATH_CONFLICT(
      "path-conflict", "a write_files path is written as a file and is the directory of another"),
  SPECIAL_PERMISSIONS("special-permissions", "permissions set setuid, setgid or sticky bits"),
  USER_NAME("user-name", "a user or group name is one useradd rejects"),
  DUPLICATE_USER("duplicate-user", "two users have the same name"),
  PASSWORD_HASH("password-hash", "a passwd is not a crypt(3) hash, or a weak one"),
  INCLUDE("include", "a line of an #include file cannot be fetched"),
  EXTENSION_KEY("extension-key", "a key is a Kindling extension that coreos-cloudinit ignores"),
  SHADOWED_HOSTNAME(
      "shadowed-hostname",
      "a later multipart part sets a hostname; the first part's hostname wins"),
  CONTROL_CHARACTER(
      "control-character",
      "a value written as one line of a file holds a line break or control character");

  private final String id;
  private final String summary;

  Code(String id, String summary) {
    this.id = id;
    this.summary = summary;
  }

  /** The stable kebab-case identifier. */
  public String id() {
    return id;
  }

  /** A one-line description of the kind of finding. */
  public String summary() {
    return summary;
  }
}
