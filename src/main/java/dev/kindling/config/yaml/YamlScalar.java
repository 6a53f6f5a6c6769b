package dev.kindling.config.yaml;

import java.util.Objects;

/**
 * A scalar exactly as written: its text (after unescaping quotes), style and explicit tag.
 *
 * @param text the scalar's value as the YAML reader unescaped it
 * @param style how the scalar was written
 * @param tag the explicit tag ({@code tag:yaml.org,2002:int} for {@code !!int}), or {@code null}
 * @param position where the scalar starts
 * @param end where the scalar ends
 */
public record YamlScalar(String text, Style style, String tag, Position position, Position end)
    implements YamlNode {

  /** How a scalar was written in the source. */
  public enum Style {
    PLAIN,
    SINGLE_QUOTED,
    DOUBLE_QUOTED,
    LITERAL,
    FOLDED;

    /** Whether the style is a block scalar ({@code |} or {@code >}). */
    public boolean isBlock() {
      return this == LITERAL || this == FOLDED;
    }
  }

  public YamlScalar {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(style, "style");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(end, "end");
  }

  /** A plain scalar without a tag, for tests and synthetic nodes. */
  public static YamlScalar plain(String text, Position position) {
    return new YamlScalar(text, Style.PLAIN, null, position, position);
  }

  /** How YAML 1.1 (go-yaml v1 rules) resolves this scalar. */
  public ResolvedScalar resolve() {
    return ScalarResolver.resolve(this);
  }

  @Override
  public String kindName() {
    return "scalar";
  }

  @Override
  public String toString() {
    // Scalars may hold secrets (passwords, file contents): never print their text.
    return "YamlScalar[" + style + " at " + position + ", " + text.length() + " chars]";
  }
}
