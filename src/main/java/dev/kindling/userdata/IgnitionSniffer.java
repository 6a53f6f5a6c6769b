package dev.kindling.userdata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;

/**
 * Recognises an Ignition config the way coreos-cloudinit does: Go's {@code encoding/json} decodes
 * the whole text into {@code {ignitionVersion *int; ignition {version *string}}} without error, and
 * one of the two is set. Field names match case-insensitively, the last duplicate wins, {@code
 * null} leaves a struct alone, and a wrong JSON type anywhere in those two fields fails the whole
 * decode.
 */
final class IgnitionSniffer {
  private IgnitionSniffer() {}

  /**
   * Built on first use only: most user data never looks like JSON. Go's decoder has no string
   * length limit and nests 10,000 deep; Jackson's defaults are lower, so they are raised.
   */
  private static final class Json {
    static final JsonFactory FACTORY =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNestingDepth(10_000)
                    .build())
            .build();
  }

  /** Thrown when Go's decoder would have failed. */
  private static final class NotIgnition extends Exception {
    private static final long serialVersionUID = 1L;

    NotIgnition() {
      super(null, null, false, false);
    }
  }

  static boolean isIgnition(byte[] raw) {
    if (!startsLikeObject(raw)) {
      return false;
    }
    try (JsonParser p = Json.FACTORY.createParser(raw)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      boolean version = false;
      boolean ignitionVersion = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equalsIgnoreCase("ignitionVersion")) {
          ignitionVersion = intOrNull(p, value);
        } else if (field.equalsIgnoreCase("ignition")) {
          version = ignitionObject(p, value, version);
        } else {
          p.skipChildren();
        }
      }
      return (ignitionVersion || version) && p.nextToken() == null;
    } catch (IOException | NotIgnition e) {
      return false;
    }
  }

  /** Go rejects a leading byte-order mark; Jackson would skip it, so check by hand. */
  private static boolean startsLikeObject(byte[] raw) {
    for (byte b : raw) {
      if (b == ' ' || b == '\t' || b == '\r' || b == '\n') {
        continue;
      }
      return b == '{';
    }
    return false;
  }

  /** Decodes into {@code *int}: true when set, false when null. */
  private static boolean intOrNull(JsonParser p, JsonToken value) throws IOException, NotIgnition {
    if (value == JsonToken.VALUE_NULL) {
      return false;
    }
    if (value == JsonToken.VALUE_NUMBER_INT
        && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return true;
    }
    throw new NotIgnition();
  }

  /** Decodes into the {@code ignition} struct; returns whether {@code version} is then set. */
  private static boolean ignitionObject(JsonParser p, JsonToken value, boolean versionSet)
      throws IOException, NotIgnition {
    if (value == JsonToken.VALUE_NULL) {
      return versionSet;
    }
    if (value != JsonToken.START_OBJECT) {
      throw new NotIgnition();
    }
    boolean set = versionSet;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      if (field.equalsIgnoreCase("version")) {
        if (v == JsonToken.VALUE_NULL) {
          set = false;
        } else if (v == JsonToken.VALUE_STRING) {
          set = true;
        } else {
          throw new NotIgnition();
        }
      } else {
        p.skipChildren();
      }
    }
    return set;
  }
}
