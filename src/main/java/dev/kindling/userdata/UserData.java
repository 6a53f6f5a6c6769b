package dev.kindling.userdata;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * User data after classification: what kind it is, its text (decompressed when it was gzip), and
 * for multipart MIME its parts, each classified on its own.
 */
public final class UserData {
  /** The kinds of user data, named as in the {@code validate} and {@code fetch} output. */
  public enum Kind {
    EMPTY,
    SCRIPT,
    CLOUD_CONFIG,
    IGNITION,
    MULTIPART,
    /** An include file ({@link IncludeList}): URLs whose content is the user data. */
    INCLUDE,
    UNKNOWN;

    /** The name used in reports: {@code cloud-config}, {@code script}, ... */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final Kind kind;
  private final byte[] bytes;
  private final boolean gzipped;
  private final List<Part> parts;
  private final Optional<String> problem;

  /**
   * Creates classified user data.
   *
   * @param kind what it is
   * @param bytes the content (decompressed if it was gzip)
   * @param gzipped whether the original bytes were gzip
   * @param parts the parts of a multipart message, else empty
   * @param problem why the data could not be read as what it claims to be, if so
   */
  public UserData(
      Kind kind, byte[] bytes, boolean gzipped, List<Part> parts, Optional<String> problem) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.bytes = bytes.clone();
    this.gzipped = gzipped;
    this.parts = List.copyOf(parts);
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** Classifies raw user data. Never throws. */
  public static UserData classify(byte[] raw) {
    return UserDataClassifier.classify(raw);
  }

  /** What it is. */
  public Kind kind() {
    return kind;
  }

  /** The content bytes (decompressed when it was gzip). */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The content as text (UTF-8, malformed bytes replaced). */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Whether the data arrived gzip-compressed. */
  public boolean gzipped() {
    return gzipped;
  }

  /** The parts of a multipart message, each classified on its own. */
  public List<Part> parts() {
    return parts;
  }

  /** Why the data could not be read (bad gzip, malformed MIME), if so. */
  public Optional<String> problem() {
    return problem;
  }

  @Override
  public String toString() {
    // Never the content: user data holds secrets.
    return "UserData["
        + kind.label()
        + ", "
        + bytes.length
        + " bytes"
        + (gzipped ? ", gzip" : "")
        + (parts.isEmpty() ? "" : ", " + parts.size() + " parts")
        + "]";
  }

  /**
   * One part of a multipart MIME message.
   *
   * @param index 1-based position in the message
   * @param name the part's file name (Content-Disposition or Content-Type name), or ""
   * @param contentType the declared media type, lowercase, or ""
   * @param content the part's content, classified
   * @param firstLine the line of the whole message where the part's body starts, when the body is
   *     stored verbatim (no transfer encoding, no compression); else 0
   * @param headerLine the line of the whole message that declares the part: its Content-Type
   *     header, or its boundary line when it has none; 0 when the part lies inside an encoded part
   */
  public record Part(
      int index, String name, String contentType, UserData content, int firstLine, int headerLine) {
    public Part {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(content, "content");
    }

    /** A part whose declaring line is not known. */
    public Part(int index, String name, String contentType, UserData content, int firstLine) {
      this(index, name, contentType, content, firstLine, 0);
    }

    /** How findings name the part: {@code part 2 (cloud-config.yaml)}. */
    public String label() {
      return "part " + index + (name.isEmpty() ? "" : " (" + name + ")");
    }
  }
}
