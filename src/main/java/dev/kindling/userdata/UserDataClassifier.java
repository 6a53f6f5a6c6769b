package dev.kindling.userdata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** The classification rules of reference §2: gzip first, then script, cloud-config, Ignition. */
final class UserDataClassifier {
  /** Most bytes a gzip user data may expand to (zip-bomb guard). */
  static final int MAX_DECOMPRESSED = 64 * 1024 * 1024;

  private UserDataClassifier() {}

  static UserData classify(byte[] raw) {
    if (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
      try {
        byte[] plain = gunzip(raw);
        UserData inner = classifyPlain(plain);
        return new UserData(inner.kind(), plain, true, inner.parts(), inner.problem());
      } catch (IOException e) {
        return new UserData(
            UserData.Kind.UNKNOWN,
            new byte[0],
            true,
            List.of(),
            Optional.of("gzip user data does not decompress: " + e.getMessage()));
      }
    }
    return classifyPlain(raw);
  }

  static UserData classifyPlain(byte[] raw) {
    if (raw.length == 0) {
      return of(UserData.Kind.EMPTY, raw);
    }
    String firstLine = firstLine(raw);
    if (firstLine.startsWith("#!")) {
      return of(UserData.Kind.SCRIPT, raw);
    }
    if (firstLine.stripTrailing().equals("#cloud-config")) {
      return of(UserData.Kind.CLOUD_CONFIG, raw);
    }
    if (isIgnition(raw)) {
      return of(UserData.Kind.IGNITION, raw);
    }
    return of(UserData.Kind.UNKNOWN, raw);
  }

  private static UserData of(UserData.Kind kind, byte[] raw) {
    return new UserData(kind, raw, false, List.of(), Optional.empty());
  }

  private static String firstLine(byte[] raw) {
    int end = 0;
    while (end < raw.length && raw[end] != '\n') {
      end++;
    }
    return new String(raw, 0, end, StandardCharsets.UTF_8);
  }

  static byte[] gunzip(byte[] raw) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.write(buffer, 0, n);
        if (out.size() > MAX_DECOMPRESSED) {
          throw new IOException("more than " + MAX_DECOMPRESSED + " bytes once decompressed");
        }
      }
      return out.toByteArray();
    }
  }

  /**
   * Whether the text is an Ignition config: valid JSON whose {@code ignitionVersion} is an integer
   * or whose {@code ignition.version} is a string.
   */
  static boolean isIgnition(byte[] raw) {
    try (JsonParser p = new JsonFactory().createParser(raw)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      boolean ignition = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("ignitionVersion")) {
          if (value != JsonToken.VALUE_NUMBER_INT) {
            return false;
          }
          ignition = true;
        } else if (field.equals("ignition") && value == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String inner = p.currentName();
            JsonToken v = p.nextToken();
            if (inner.equals("version")) {
              if (v != JsonToken.VALUE_STRING) {
                return false;
              }
              ignition = true;
            } else {
              p.skipChildren();
            }
          }
        } else {
          p.skipChildren();
        }
      }
      return ignition && p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }
}
