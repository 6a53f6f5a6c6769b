package dev.kindling.config.yaml;

import java.math.BigInteger;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolves scalars with the YAML 1.1 rules of go-yaml v1, the parser coreos-cloudinit used
 * (resolve.go): {@code yes/on/y} are booleans, {@code 0644} is octal, {@code 0x1F} and {@code
 * 0b101} are ints, underscores are ignored in numbers, quoted scalars are always strings.
 */
final class ScalarResolver {
  static final String TAG_PREFIX = "tag:yaml.org,2002:";

  private static final Pattern YAML_FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  private static final Map<String, Object> SPECIAL =
      Map.ofEntries(
          Map.entry("~", ResolvedScalar.Type.NULL),
          Map.entry("null", ResolvedScalar.Type.NULL),
          Map.entry("Null", ResolvedScalar.Type.NULL),
          Map.entry("NULL", ResolvedScalar.Type.NULL),
          Map.entry("y", true),
          Map.entry("Y", true),
          Map.entry("yes", true),
          Map.entry("Yes", true),
          Map.entry("YES", true),
          Map.entry("on", true),
          Map.entry("On", true),
          Map.entry("ON", true),
          Map.entry("true", true),
          Map.entry("True", true),
          Map.entry("TRUE", true),
          Map.entry("n", false),
          Map.entry("N", false),
          Map.entry("no", false),
          Map.entry("No", false),
          Map.entry("NO", false),
          Map.entry("off", false),
          Map.entry("Off", false),
          Map.entry("OFF", false),
          Map.entry("false", false),
          Map.entry("False", false),
          Map.entry("FALSE", false),
          Map.entry(".inf", Double.POSITIVE_INFINITY),
          Map.entry(".Inf", Double.POSITIVE_INFINITY),
          Map.entry(".INF", Double.POSITIVE_INFINITY),
          Map.entry("+.inf", Double.POSITIVE_INFINITY),
          Map.entry("+.Inf", Double.POSITIVE_INFINITY),
          Map.entry("+.INF", Double.POSITIVE_INFINITY),
          Map.entry("-.inf", Double.NEGATIVE_INFINITY),
          Map.entry("-.Inf", Double.NEGATIVE_INFINITY),
          Map.entry("-.INF", Double.NEGATIVE_INFINITY),
          Map.entry(".nan", Double.NaN),
          Map.entry(".NaN", Double.NaN),
          Map.entry(".NAN", Double.NaN));

  private ScalarResolver() {}

  static ResolvedScalar resolve(YamlScalar scalar) {
    String tag = scalar.tag();
    if (tag != null) {
      return resolveTagged(scalar.text(), tag);
    }
    if (scalar.style() != YamlScalar.Style.PLAIN) {
      return new ResolvedScalar(ResolvedScalar.Type.STRING, scalar.text());
    }
    return resolvePlain(scalar.text());
  }

  /** Resolves the text of a plain (unquoted, untagged) scalar. */
  static ResolvedScalar resolvePlain(String text) {
    if (text.isEmpty()) {
      return new ResolvedScalar(ResolvedScalar.Type.NULL, null);
    }
    Object special = SPECIAL.get(text);
    if (special == ResolvedScalar.Type.NULL) {
      return new ResolvedScalar(ResolvedScalar.Type.NULL, null);
    }
    if (special instanceof Boolean b) {
      return new ResolvedScalar(ResolvedScalar.Type.BOOL, b);
    }
    if (special instanceof Double d) {
      return new ResolvedScalar(ResolvedScalar.Type.FLOAT, d);
    }
    char first = text.charAt(0);
    if ((first >= '0' && first <= '9') || first == '+' || first == '-' || first == '.') {
      String plain = text.replace("_", "");
      BigInteger big = parseGoInt(plain);
      if (big != null) {
        if (big.bitLength() < 64) {
          return new ResolvedScalar(ResolvedScalar.Type.INT, big.longValue());
        }
        return new ResolvedScalar(ResolvedScalar.Type.FLOAT, big.doubleValue());
      }
      if (YAML_FLOAT.matcher(plain).matches()) {
        return new ResolvedScalar(ResolvedScalar.Type.FLOAT, Double.parseDouble(plain));
      }
    }
    return new ResolvedScalar(ResolvedScalar.Type.STRING, text);
  }

  private static ResolvedScalar resolveTagged(String text, String tag) {
    String shortTag = tag.startsWith(TAG_PREFIX) ? "!!" + tag.substring(TAG_PREFIX.length()) : tag;
    return switch (shortTag) {
      case "!!str" -> new ResolvedScalar(ResolvedScalar.Type.STRING, text);
      case "!!null" -> new ResolvedScalar(ResolvedScalar.Type.NULL, null);
      case "!!binary" -> binary(text);
      case "!!int" -> typed(text, shortTag, ResolvedScalar.Type.INT);
      case "!!bool" -> typed(text, shortTag, ResolvedScalar.Type.BOOL);
      case "!!float" -> typed(text, shortTag, ResolvedScalar.Type.FLOAT);
      default -> new ResolvedScalar(ResolvedScalar.Type.STRING, text);
    };
  }

  private static ResolvedScalar binary(String text) {
    try {
      return new ResolvedScalar(
          ResolvedScalar.Type.BINARY, Base64.getMimeDecoder().decode(text.replaceAll("\\s", "")));
    } catch (IllegalArgumentException e) {
      return invalid("!!binary value contains invalid base64 data");
    }
  }

  private static ResolvedScalar typed(String text, String shortTag, ResolvedScalar.Type wanted) {
    ResolvedScalar plain = resolvePlain(text);
    if (plain.type() == wanted) {
      return plain;
    }
    if (wanted == ResolvedScalar.Type.FLOAT && plain.type() == ResolvedScalar.Type.INT) {
      return new ResolvedScalar(ResolvedScalar.Type.FLOAT, ((Long) plain.value()).doubleValue());
    }
    return invalid("cannot decode !!str `" + abbreviate(text) + "` as a " + shortTag);
  }

  private static ResolvedScalar invalid(String message) {
    return new ResolvedScalar(ResolvedScalar.Type.INVALID, message);
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 37) + "..." : text;
  }

  /**
   * Go's {@code strconv.ParseInt(s, 0, 64)} syntax without the range check: optional sign, then
   * {@code 0x}, {@code 0o}, {@code 0b} or a leading {@code 0} (octal), else decimal.
   */
  static BigInteger parseGoInt(String s) {
    int i = 0;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    String body = s.substring(i);
    int radix = 10;
    if (body.length() > 1 && body.charAt(0) == '0') {
      char p = Character.toLowerCase(body.charAt(1));
      if (p == 'x') {
        radix = 16;
        body = body.substring(2);
      } else if (p == 'o') {
        radix = 8;
        body = body.substring(2);
      } else if (p == 'b') {
        radix = 2;
        body = body.substring(2);
      } else {
        radix = 8;
        body = body.substring(1);
      }
    }
    if (body.isEmpty()) {
      return null;
    }
    for (int k = 0; k < body.length(); k++) {
      if (Character.digit(body.charAt(k), radix) < 0 || body.charAt(k) > 'z') {
        return null;
      }
    }
    BigInteger value = new BigInteger(body, radix);
    return negative ? value.negate() : value;
  }
}
