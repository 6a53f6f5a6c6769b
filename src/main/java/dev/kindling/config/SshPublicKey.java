package dev.kindling.config;

import dev.kindling.value.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of an OpenSSH {@code authorized_keys} file (sshd(8), "AUTHORIZED_KEYS FILE FORMAT"):
 * optional options, a key type, the base64 key blob and an optional comment. {@link #parse} checks
 * what sshd checks: a known type, strict padded base64, and a blob that holds a key of the declared
 * type with nothing missing or left over.
 *
 * @param options the options field ({@code no-pty,from="10.0.0.0/8"}), or ""
 * @param type the key type, e.g. {@code ssh-ed25519}
 * @param blob the decoded key blob
 * @param comment the comment, or ""
 */
public record SshPublicKey(String options, String type, Bytes blob, String comment) {
  /** The key types sshd reads from authorized_keys (sshkey.c {@code keytypes[]}). */
  public static final List<String> TYPES =
      List.of(
          "ssh-ed25519",
          "ecdsa-sha2-nistp256",
          "ecdsa-sha2-nistp384",
          "ecdsa-sha2-nistp521",
          "ssh-rsa",
          "ssh-dss",
          "sk-ecdsa-sha2-nistp256@openssh.com",
          "sk-ssh-ed25519@openssh.com",
          "ssh-ed25519-cert-v01@openssh.com",
          "ecdsa-sha2-nistp256-cert-v01@openssh.com",
          "ecdsa-sha2-nistp384-cert-v01@openssh.com",
          "ecdsa-sha2-nistp521-cert-v01@openssh.com",
          "ssh-rsa-cert-v01@openssh.com",
          "ssh-dss-cert-v01@openssh.com",
          "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
          "sk-ssh-ed25519-cert-v01@openssh.com");

  private static final Pattern TYPE_LIKE = Pattern.compile("[A-Za-z0-9@.+_-]{1,64}");
  private static final int ED25519_KEY_BYTES = 32;

  public SshPublicKey {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(blob, "blob");
    Objects.requireNonNull(comment, "comment");
  }

  /** A parsed key, or why the line is not one. */
  public sealed interface Result permits Valid, Invalid {}

  /** The line holds a well-formed key. */
  public record Valid(SshPublicKey key) implements Result {
    public Valid {
      Objects.requireNonNull(key, "key");
    }
  }

  /**
   * The line is not a well-formed key.
   *
   * @param reason why, without the key itself
   * @param shown the declared type and the start of the key data ({@code ssh-rsa AAAAB3Nz…}), or ""
   *     when nothing is safe to show
   * @param privateKey whether the text is a private key
   */
  public record Invalid(String reason, String shown, boolean privateKey) implements Result {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(shown, "shown");
    }
  }

  /**
   * Whether {@code text} holds a line break: authorized_keys is read line by line, so the text
   * after the break would be a key line of its own, one that nobody reading the entry as one key
   * expects.
   */
  public static boolean spansLines(String text) {
    return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
  }

  /** Reads one authorized_keys line. Never throws. */
  public static Result parse(String line) {
    String text = line.strip();
    if (text.isEmpty()) {
      return new Invalid("the key is empty", "", false);
    }
    if (text.startsWith("-----BEGIN") || text.contains("PRIVATE KEY-----")) {
      return new Invalid("this is a private key, not a public key", "", true);
    }
    if (text.startsWith("#")) {
      return new Invalid("the line is a comment, not a key", "", false);
    }
    String options = "";
    String rest = text;
    String first = firstField(text);
    if (!TYPES.contains(first)) {
      int end = endOfOptions(text);
      if (end < 0) {
        return new Invalid("the options have an unclosed quote", "", false);
      }
      String afterOptions = text.substring(end).strip();
      if (!TYPES.contains(firstField(afterOptions))) {
        return new Invalid(unknownType(text), "", false);
      }
      options = text.substring(0, end);
      rest = afterOptions;
      first = firstField(rest);
    }
    String type = first;
    rest = rest.substring(type.length()).strip();
    String data = firstField(rest);
    String comment = rest.substring(data.length()).strip();
    if (data.isEmpty()) {
      return new Invalid("the key data is missing", type, false);
    }
    String shown = type + " " + prefix(data);
    byte[] blob = decodeBase64(data);
    if (blob == null) {
      return new Invalid("the key data is not valid base64", shown, false);
    }
    String problem = checkBlob(type, blob);
    if (problem != null) {
      return new Invalid(problem, shown, false);
    }
    if (spansLines(text)) {
      return new Invalid(
          "the entry holds a line break, so it would be more than one line of authorized_keys",
          shown,
          false);
    }
    return new Valid(new SshPublicKey(options, type, Bytes.of(blob), comment));
  }

  /**
   * The type and the first characters of the key data, safe for messages: {@code ssh-rsa AAAA…}.
   */
  public String summary() {
    return type + " " + prefix(Base64.getEncoder().encodeToString(blob.toByteArray()));
  }

  /** At most 8 characters and never more than half of the key data, then an ellipsis. */
  private static String prefix(String data) {
    return data.substring(0, Math.min(8, data.length() / 2)) + "…";
  }

  /**
   * Why a line without a known type is not a key: key blobs start with {@code AAAA} (a 4-byte
   * length below 2^24), so the field before one is where the type should be.
   */
  private static String unknownType(String text) {
    String[] fields = text.split("\\s+", -1);
    for (int i = 0; i < fields.length; i++) {
      if (fields[i].startsWith("AAAA")) {
        if (i == 0) {
          return "the key type (such as ssh-ed25519) is missing before the key data";
        }
        String candidate = fields[i - 1];
        return TYPE_LIKE.matcher(candidate).matches()
            ? "unknown key type \"" + candidate + "\""
            : "unknown key type";
      }
    }
    return "the text is not an SSH public key";
  }

  private static String firstField(String text) {
    int i = 0;
    while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return text.substring(0, i);
  }

  /** The index after the options field (sshkey_advance_past_options), or -1 for a bad quote. */
  private static int endOfOptions(String text) {
    boolean quoted = false;
    int i = 0;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!quoted && (c == ' ' || c == '\t')) {
        break;
      }
      if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      }
    }
    return quoted ? -1 : i;
  }

  /** Strict base64: the standard alphabet, padded to a multiple of 4 (OpenSSH b64_pton). */
  private static byte[] decodeBase64(String data) {
    if (data.length() % 4 != 0) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(data);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Why the blob does not hold a key of {@code type}, or null when it does. */
  private static String checkBlob(String type, byte[] blob) {
    ByteBuffer in = ByteBuffer.wrap(blob);
    byte[] embedded = field(in);
    if (embedded == null) {
      return "the key data is truncated";
    }
    String inner = new String(embedded, StandardCharsets.US_ASCII);
    if (!inner.equals(type)) {
      return TYPE_LIKE.matcher(inner).matches()
          ? "the key data is for " + inner + ", not " + type
          : "the key data does not start with its type";
    }
    if (type.contains("-cert-")) {
      return in.hasRemaining() ? null : "the certificate data is truncated";
    }
    int fields =
        switch (type) {
          case "ssh-rsa", "ssh-ed25519" -> type.equals("ssh-rsa") ? 2 : 1;
          case "ssh-dss" -> 4;
          case "sk-ssh-ed25519@openssh.com" -> 2;
          case "sk-ecdsa-sha2-nistp256@openssh.com" -> 3;
          default -> 2; // ecdsa-sha2-*: curve name, point
        };
    byte[][] values = new byte[fields][];
    for (int i = 0; i < fields; i++) {
      values[i] = field(in);
      if (values[i] == null) {
        return "the key data is truncated";
      }
    }
    if (in.hasRemaining()) {
      return "the key data has extra bytes after the key";
    }
    if (type.startsWith("ecdsa-sha2-") || type.startsWith("sk-ecdsa-")) {
      String curve = new String(values[0], StandardCharsets.US_ASCII);
      if (!type.contains(curve)) {
        return "the key data names the wrong curve";
      }
    }
    if (type.contains("ed25519") && values[0].length != ED25519_KEY_BYTES) {
      return "the key data has a public key of the wrong length";
    }
    return null;
  }

  /** One SSH wire-format string (uint32 length, bytes), or null if the buffer is too short. */
  private static byte[] field(ByteBuffer in) {
    if (in.remaining() < 4) {
      return null;
    }
    long length = in.getInt() & 0xffffffffL;
    if (length > in.remaining()) {
      return null;
    }
    byte[] out = new byte[(int) length];
    in.get(out);
    return out;
  }

  @Override
  public String toString() {
    return "SshPublicKey[" + summary() + "]";
  }
}
