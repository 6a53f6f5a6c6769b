package dev.kindling.cli;

/**
 * The values of a parsed command line's options, by their long name: from picocli's model ({@link
 * CommandModels#values}) or from {@link OptionTable}'s direct parse.
 */
@FunctionalInterface
interface OptionValues {
  /** The value of the option named {@code name} (its initial value when not given). */
  Object value(String name);

  /** {@link #value}, typed by the caller. */
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
  default <T> T get(String name) {
    return (T) value(name);
  }
}
