package dev.kindling.lsp;

import dev.kindling.config.SchemaField;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** Hover on a cloud-config key: the field's description from the schema ({@link FieldHelp}). */
final class KeyHover {
  private KeyHover() {}

  /** The hover for the key under {@code position}, if it is a key the schema knows. */
  static Optional<Hover> at(YamlOutline outline, Position position) {
    if (position.getLine() < 0 || position.getLine() >= outline.size()) {
      return Optional.empty();
    }
    YamlOutline.Line line = outline.line(position.getLine());
    int character = position.getCharacter();
    if (line.kind() != YamlOutline.Kind.ENTRY
        || character < line.keyStart()
        || character > line.keyEnd()) {
      return Optional.empty();
    }
    Optional<List<String>> path = outline.entryPath(position.getLine());
    Optional<SchemaField> field = path.flatMap(SchemaLookup::field);
    if (field.isEmpty()) {
      return Optional.empty();
    }
    Hover hover =
        new Hover(
            new MarkupContent(MarkupKind.MARKDOWN, FieldHelp.markdown(field.get(), path.get())));
    hover.setRange(
        new Range(
            new Position(position.getLine(), line.keyStart()),
            new Position(position.getLine(), line.keyEnd())));
    return Optional.of(hover);
  }
}
