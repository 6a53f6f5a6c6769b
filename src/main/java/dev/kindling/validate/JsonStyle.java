package dev.kindling.validate;

import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/**
 * The one layout of Kindling's indented JSON (validate, fetch, the run report): two spaces, one
 * value per line, {@code "key": value} (the layout of {@code jq}).
 */
public final class JsonStyle {
  private JsonStyle() {}

  /** A new printer of that layout (printers keep state: one per document). */
  public static PrettyPrinter printer() {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    printer.indentArraysWith(indenter);
    printer.indentObjectsWith(indenter);
    return printer;
  }
}
