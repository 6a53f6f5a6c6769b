package dev.kindling.userdata;

/**
 * The interpreter a script's {@code #!} line names: the kernel runs the script with it, so a script
 * without one cannot run. Shared by the validator and the planner.
 */
public final class Shebang {
  private Shebang() {}

  /** The interpreter path of the {@code #!} line of {@code script}, "" when there is none. */
  public static String interpreter(String script) {
    if (!script.startsWith("#!")) {
      return "";
    }
    int end = script.indexOf('\n');
    String line = (end < 0 ? script.substring(2) : script.substring(2, end)).strip();
    return line.split("[ \t]", 2)[0];
  }
}
