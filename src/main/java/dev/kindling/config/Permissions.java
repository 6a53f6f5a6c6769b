package dev.kindling.config;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code write_files[].permissions} rules: the original's pattern {@code ^0?[0-7]{3,4}$}, its
 * octal parse (default 0644), and hints for modes that were written in decimal or symbolically.
 */
public final class Permissions {
  /** The mode of a file written without {@code permissions}. */
  public static final int DEFAULT_MODE = 0644;

  private static final Pattern VALID = Pattern.compile("0?[0-7]{3,4}");
  private static final Pattern DECIMAL = Pattern.compile("[1-9][0-9]{1,3}");
  private static final Pattern SYMBOLIC =
      Pattern.compile("[-r][-w][-xsS][-r][-w][-xsS][-r][-w][-xtT]");

  /** Modes people mean; a decimal number equal to one of them was probably meant in octal. */
  private static final Set<Integer> COMMON =
      Set.of(
          0400, 0440, 0444, 0500, 0550, 0555, 0600, 0640, 0644, 0660, 0664, 0666, 0700, 0710, 0711,
          0750, 0751, 0755, 0770, 0775, 0777, 01777, 02755, 04755);

  private Permissions() {}

  /** The mode for the raw text: empty text is 0644, an invalid text has none. */
  public static Optional<Integer> parse(String raw) {
    if (raw.isEmpty()) {
      return Optional.of(DEFAULT_MODE);
    }
    if (!VALID.matcher(raw).matches()) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(raw, 8));
  }

  /** The mode as four octal digits, e.g. {@code 0644}. */
  public static String octal(int mode) {
    return String.format("%04o", mode);
  }

  /** The mode as {@code ls -l} shows it, e.g. {@code rw-r--r--}. */
  public static String symbolic(int mode) {
    char[] out = "rwxrwxrwx".toCharArray();
    for (int bit = 0; bit < 9; bit++) {
      if ((mode & (1 << (8 - bit))) == 0) {
        out[bit] = '-';
      }
    }
    if ((mode & 04000) != 0) {
      out[2] = out[2] == 'x' ? 's' : 'S';
    }
    if ((mode & 02000) != 0) {
      out[5] = out[5] == 'x' ? 's' : 'S';
    }
    if ((mode & 01000) != 0) {
      out[8] = out[8] == 'x' ? 't' : 'T';
    }
    return new String(out);
  }

  /**
   * For a valid text that is probably a decimal rendering of a common mode ({@code 420} is 0644 in
   * decimal, but the original reads it as octal 0420): the mode that was probably meant.
   */
  public static Optional<Integer> probablyDecimal(String raw) {
    Optional<Integer> asOctal = parse(raw);
    if (asOctal.isEmpty() || !DECIMAL.matcher(raw).matches() || COMMON.contains(asOctal.get())) {
      return Optional.empty();
    }
    int asDecimal = Integer.parseInt(raw);
    return COMMON.contains(asDecimal) ? Optional.of(asDecimal) : Optional.empty();
  }

  /** A hint for a permissions text the pattern rejects, if a likely meaning can be guessed. */
  public static Optional<String> hintForInvalid(String raw) {
    String text = raw.strip();
    if (text.startsWith("0o") || text.startsWith("0O")) {
      String digits = text.substring(2);
      if (VALID.matcher(digits).matches()) {
        return Optional.of(
            "write the octal mode without \"0o\": " + octal(Integer.parseInt(digits, 8)));
      }
    }
    if (DECIMAL.matcher(text).matches()) {
      int asDecimal = Integer.parseInt(text);
      if (COMMON.contains(asDecimal)) {
        return Optional.of(
            "did you mean "
                + octal(asDecimal)
                + "? "
                + text
                + " is "
                + octal(asDecimal)
                + " written in decimal (a YAML tool may have converted it)");
      }
    }
    if (text.length() == 10 && "-dlcbps".indexOf(text.charAt(0)) >= 0) {
      text = text.substring(1); // ls -l prints the file type first
    }
    if (SYMBOLIC.matcher(text).matches()) {
      return Optional.of("did you mean " + octal(fromSymbolic(text)) + "? permissions are octal");
    }
    return Optional.of("permissions are an octal mode such as \"0644\" or \"0755\"");
  }

  private static int fromSymbolic(String text) {
    int mode = 0;
    for (int i = 0; i < 9; i++) {
      char c = text.charAt(i);
      if (c != '-' && c != 'S' && c != 'T') {
        mode |= 1 << (8 - i);
      }
    }
    if (text.charAt(2) == 's' || text.charAt(2) == 'S') {
      mode |= 04000;
    }
    if (text.charAt(5) == 's' || text.charAt(5) == 'S') {
      mode |= 02000;
    }
    if (text.charAt(8) == 't' || text.charAt(8) == 'T') {
      mode |= 01000;
    }
    return mode;
  }
}
