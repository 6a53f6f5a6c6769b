package dev.kindling.cli;

import java.util.Locale;

/**
 * Reads an option whose value names one of an enum's constants, in any case ({@code --color},
 * {@code validate --format}); any other word is refused with the choices in lower case.
 */
final class ChoiceConverter<E extends Enum<E>> implements CliOption.Converter {
  private final Class<E> type;
  private final String what;

  /** Reads constants of {@code type}; {@code what} names the value in a refusal, e.g. format. */
  ChoiceConverter(Class<E> type, String what) {
    this.type = type;
    this.what = what;
  }

  /**
   * The constant {@code value} names.
   *
   * @throws IllegalArgumentException for any other value, e.g. {@code unknown format 'xml'
   *     (expected text, json or sarif)}
   */
  E parse(String value) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown " + what + " '" + value + "' (expected " + choices() + ")", e);
    }
  }

  @Override
  public Object convert(String text) {
    return parse(text);
  }

  /** The constants in lower case, as {@code a, b or c}. */
  private String choices() {
    E[] constants = type.getEnumConstants();
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < constants.length; i++) {
      if (i > 0) {
        out.append(i == constants.length - 1 ? " or " : ", ");
      }
      out.append(constants[i].name().toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }
}
