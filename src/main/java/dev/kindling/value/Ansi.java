package dev.kindling.value;

/**
 * The few ANSI terminal styles Kindling's human-facing output uses, one meaning each: red for
 * errors and failures, yellow for warnings, green for what is done, cyan for what an action does,
 * dim for explanations.
 */
public enum Ansi {
  /** Errors, failures. */
  RED("\033[1;31m"),
  /** Warnings. */
  YELLOW("\033[1;33m"),
  /** Done, changed. */
  GREEN("\033[32m"),
  /** What an action does (its verb), notes. */
  CYAN("\033[36m"),
  /** Explanations and reasons. */
  DIM("\033[2m");

  /** Ends any style. */
  public static final String RESET = "\033[0m";

  private final String code;

  Ansi(String code) {
    this.code = code;
  }

  /** The escape sequence that starts this style. */
  public String code() {
    return code;
  }

  /** {@code text} in this style when {@code on}, else {@code text} unchanged. */
  public String paint(String text, boolean on) {
    return on && !text.isEmpty() ? code + text + RESET : text;
  }
}
