package dev.kindling.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The user and group names {@code useradd} and {@code groupadd} accept (shadow-utils {@code
 * is_valid_name}): letters, digits, {@code _}, {@code .} and {@code -}, not starting with {@code
 * -}, an optional final {@code $}, not only digits, not {@code .} or {@code ..}, at most 32
 * characters.
 */
public final class AccountNames {
  /** Longest name useradd accepts (utmp's {@code ut_user}). */
  public static final int MAX_LENGTH = 32;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.-]*\\$?");
  private static final Pattern NUMERIC = Pattern.compile("[0-9]+");

  private AccountNames() {}

  /**
   * Why {@code name} is not a valid user or group name, or empty when it is; {@code what} names it
   * in the reason ({@code "user name"}).
   */
  public static Optional<String> problem(String name, String what) {
    if (name.isEmpty()) {
      return Optional.of("the " + what + " is empty");
    }
    if (name.length() > MAX_LENGTH) {
      return Optional.of("a " + what + " has at most " + MAX_LENGTH + " characters");
    }
    if (name.equals(".") || name.equals("..")) {
      return Optional.of("\".\" and \"..\" are not names");
    }
    if (NUMERIC.matcher(name).matches()) {
      return Optional.of("a " + what + " cannot be only digits");
    }
    if (name.startsWith("-")) {
      return Optional.of("a " + what + " cannot start with \"-\"");
    }
    if (!NAME.matcher(name).matches()) {
      return Optional.of(
          "a " + what + " has only letters, digits, \"_\", \".\" and \"-\" (and may end in \"$\")");
    }
    return Optional.empty();
  }

  /** Whether {@code text} is a numeric id (0 to 4294967294). */
  public static boolean isNumericId(String text) {
    return NUMERIC.matcher(text).matches()
        && text.length() <= 10
        && Long.parseLong(text) <= 4_294_967_294L;
  }
}
