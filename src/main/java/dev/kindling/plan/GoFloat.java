package dev.kindling.plan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a {@code float64} the way Go's {@code %v} does ({@code strconv.FormatFloat(f, 'g', -1,
 * 64)}): the shortest decimal that reads back as the same value, in exponent form when the decimal
 * exponent is below -4 or at least 6 ({@code 0.5}, {@code 123456}, {@code 1e+06}, {@code 1e-07},
 * {@code 1e+21}), with at least two exponent digits.
 */
public final class GoFloat {
  private GoFloat() {}

  /** Go's {@code %v} of {@code value}. */
  public static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == 0) {
      return Double.doubleToRawLongBits(value) < 0 ? "-0" : "0";
    }
    BigDecimal shortest = shortest(value);
    String digits = shortest.unscaledValue().abs().toString();
    int pointPosition = digits.length() - shortest.scale();
    int exponent = pointPosition - 1;
    StringBuilder out = new StringBuilder();
    if (value < 0) {
      out.append('-');
    }
    if (exponent < -4 || exponent >= 6) {
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      out.append(exponent < 0 ? "e-" : "e+");
      int abs = Math.abs(exponent);
      if (abs < 10) {
        out.append('0');
      }
      out.append(abs);
    } else if (pointPosition <= 0) {
      out.append("0.").append("0".repeat(-pointPosition)).append(digits);
    } else if (pointPosition >= digits.length()) {
      out.append(digits).append("0".repeat(pointPosition - digits.length()));
    } else {
      out.append(digits, 0, pointPosition)
          .append('.')
          .append(digits, pointPosition, digits.length());
    }
    return out.toString();
  }

  /** The value rounded to the fewest significant digits that still read back as it. */
  private static BigDecimal shortest(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; precision < 17; precision++) {
      BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (rounded.doubleValue() == value) {
        return rounded.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }
}
