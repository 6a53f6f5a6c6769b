package dev.kindling.config;

/**
 * The documentation of every finding code: what it means, an example and the fix. It is the one
 * source of {@code docs/codes.md}, the SARIF rule descriptions, the language server's links and
 * {@code kindling explain}.
 */
public final class CodeDocs {
  /** The project's home page. */
  public static final String HOME = "https://github.com/kindling-dev/kindling";

  /** The page generated from this table, relative to the project directory. */
  public static final String PAGE = "docs/codes.md";

  private CodeDocs() {}

  /** The address of a code's section of the documentation page. */
  public static String helpUri(Code code) {
    return HOME + "/blob/main/" + PAGE + "#" + code.id();
  }
}
