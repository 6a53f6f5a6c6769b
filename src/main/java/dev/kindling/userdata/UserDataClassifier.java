package dev.kindling.userdata;

import dev.kindling.value.FailureText;
import dev.kindling.value.Gzip;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * coreos-cloudinit's classification rules plus gzip and multipart MIME: gzip first (by magic
 * bytes), then script, cloud-config, Ignition and multipart. One instance classifies one input, so
 * the decompression budget and the part budget cover the whole message, every part included.
 */
final class UserDataClassifier {
  private final long limit;
  private long budget;
  private int partsLeft = MultipartReader.MAX_PARTS;

  private UserDataClassifier(long limit) {
    this.limit = limit;
    this.budget = limit;
  }

  /** Classifies raw user data. Never throws. */
  static UserData classify(byte[] raw) {
    return classify(raw, Gzip.LIMIT);
  }

  /** Classifies raw user data, decompressing at most {@code limit} bytes in all. */
  static UserData classify(byte[] raw, long limit) {
    try {
      return new UserDataClassifier(limit).top(raw);
    } catch (RuntimeException | StackOverflowError e) {
      // Not expected; classification must never take the caller down.
      return new UserData(
          UserData.Kind.UNKNOWN,
          raw,
          false,
          List.of(),
          Optional.of("failed to classify user data: " + e));
    }
  }

  private UserData top(byte[] raw) {
    if (!Gzip.isGzip(raw)) {
      return content(raw, 1, true, 0);
    }
    byte[] plain;
    try {
      plain = gunzip(raw);
    } catch (IOException e) {
      return compressionProblem("gzip user data does not decompress: " + FailureText.of(e));
    }
    UserData inner = content(plain, 1, true, 0);
    return new UserData(inner.kind(), plain, true, inner.parts(), inner.problem());
  }

  /**
   * Classifies by content: script, cloud-config, Ignition, multipart MIME (by its headers), else
   * unknown.
   *
   * @param line the line number of the first byte, for part positions
   * @param located whether those line numbers are lines of the whole input
   * @param depth how many multipart messages enclose this content
   */
  UserData content(byte[] raw, int line, boolean located, int depth) {
    if (raw.length == 0) {
      return of(UserData.Kind.EMPTY, raw);
    }
    String first = firstLine(raw);
    if (first.startsWith("#!")) {
      return of(UserData.Kind.SCRIPT, raw);
    }
    if (isCloudConfigHeader(first)) {
      return of(UserData.Kind.CLOUD_CONFIG, raw);
    }
    if (IncludeList.isInclude(first)) {
      return of(UserData.Kind.INCLUDE, raw);
    }
    if (IgnitionSniffer.isIgnition(raw)) {
      return of(UserData.Kind.IGNITION, raw);
    }
    if (MimeHeaders.startsWithField(raw, 0, raw.length)) {
      MimeHeaders headers = MimeHeaders.parse(raw, 0, raw.length, line);
      Optional<MimeHeaders.Field> type = headers.get("content-type");
      if (type.isPresent()) {
        MediaType media = MediaType.parse(type.get().value());
        if (media.type().equals("multipart")) {
          if (headers.problem().isPresent()) {
            return multipart(raw, List.of(), headers.problem());
          }
          return new MultipartReader(this)
              .read(raw, headers.bodyOffset(), headers.bodyLine(), located, media, depth);
        }
      }
    }
    return of(UserData.Kind.UNKNOWN, raw);
  }

  /**
   * The first-line rule of {@code config.IsCloudConfig}: the line with trailing white space (Go's
   * {@code unicode.IsSpace}) removed is exactly {@code #cloud-config}.
   */
  static boolean isCloudConfigHeader(String firstLine) {
    int end = firstLine.length();
    while (end > 0) {
      int cp = firstLine.codePointBefore(end);
      if (!isGoSpace(cp)) {
        break;
      }
      end -= Character.charCount(cp);
    }
    return firstLine.substring(0, end).equals("#cloud-config");
  }

  /** Go's {@code unicode.IsSpace}: Unicode White_Space (unlike Java's isWhitespace). */
  static boolean isGoSpace(int cp) {
    switch (cp) {
      case '\t',
          '\n',
          0x0B,
          '\f',
          '\r',
          ' ',
          0x85,
          0xA0,
          0x1680,
          0x2028,
          0x2029,
          0x202F,
          0x205F,
          0x3000 -> {
        return true;
      }
      default -> {
        return cp >= 0x2000 && cp <= 0x200A;
      }
    }
  }

  /** Takes {@code count} parts from the input's budget; false when that many are not left. */
  boolean takeParts(int count) {
    if (count > partsLeft) {
      partsLeft = 0;
      return false;
    }
    partsLeft -= count;
    return true;
  }

  /** Gunzips within the budget left for this input. */
  byte[] gunzip(byte[] raw) throws IOException {
    byte[] out;
    try {
      out = Gzip.gunzip(raw, budget);
    } catch (Gzip.TooLargeException e) {
      throw tooLarge();
    }
    budget -= out.length;
    return out;
  }

  private IOException tooLarge() {
    return new IOException(
        "expands to more than " + limit / (1024 * 1024) + " MiB (all parts together)");
  }

  static UserData of(UserData.Kind kind, byte[] raw) {
    return new UserData(kind, raw, false, List.of(), Optional.empty());
  }

  static UserData multipart(byte[] raw, List<UserData.Part> parts, Optional<String> problem) {
    return new UserData(UserData.Kind.MULTIPART, raw, false, parts, problem);
  }

  static UserData compressionProblem(String problem) {
    return new UserData(UserData.Kind.UNKNOWN, new byte[0], true, List.of(), Optional.of(problem));
  }

  private static String firstLine(byte[] raw) {
    int end = MimeHeaders.lineEnd(raw, 0, raw.length);
    return new String(raw, 0, end, StandardCharsets.UTF_8);
  }
}
