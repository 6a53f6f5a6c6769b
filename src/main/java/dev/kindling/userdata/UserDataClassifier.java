package dev.kindling.userdata;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * coreos-cloudinit's classification rules plus gzip and multipart MIME: gzip first (by magic
 * bytes), then script, cloud-config, Ignition and multipart. One instance classifies one input, so
 * the decompression budget covers the whole message, every part included.
 */
final class UserDataClassifier {
  /** Most bytes gzip user data may expand to, all parts together (zip-bomb guard). */
  static final int MAX_DECOMPRESSED = 64 * 1024 * 1024;

  private final long limit;
  private long budget;

  private UserDataClassifier(long limit) {
    this.limit = limit;
    this.budget = limit;
  }

  /** Classifies raw user data. Never throws. */
  static UserData classify(byte[] raw) {
    return classify(raw, MAX_DECOMPRESSED);
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
    if (!isGzip(raw)) {
      return content(raw, 1, true, 0);
    }
    byte[] plain;
    try {
      plain = gunzip(raw);
    } catch (IOException e) {
      return compressionProblem("gzip user data does not decompress: " + reason(e));
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

  static boolean isGzip(byte[] raw) {
    return raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b;
  }

  /** Gunzips within the budget left for this input. */
  byte[] gunzip(byte[] raw) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      byte[] out = new byte[Math.max(64, Math.min(raw.length * 4, 1 << 20))];
      int size = 0;
      while (true) {
        if (size == out.length) {
          if (size >= budget) {
            throw tooLarge();
          }
          out = Arrays.copyOf(out, (int) Math.min((long) size * 2, budget + 1));
        }
        int n = in.read(out, size, out.length - size);
        if (n < 0) {
          break;
        }
        size += n;
        if (size > budget) {
          throw tooLarge();
        }
      }
      budget -= size;
      return Arrays.copyOf(out, size);
    }
  }

  private IOException tooLarge() {
    return new IOException(
        "expands to more than " + limit / (1024 * 1024) + " MiB (all parts together)");
  }

  static String reason(Exception e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
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
