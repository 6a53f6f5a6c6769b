package dev.kindling.lsp;

import dev.kindling.config.FieldKind;
import dev.kindling.config.SchemaField;
import dev.kindling.config.StructSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionItemTag;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Completion at the cursor: the keys the schema allows in the mapping the cursor is in (those not
 * written yet), or the values of an enumerated or boolean field after its {@code key: }.
 */
final class Completions {
  /** A key being typed: indentation, sequence indicators, the start of the key. */
  private static final Pattern KEY_PREFIX = Pattern.compile("( *)((?:- +)*)([A-Za-z0-9_-]*)");

  /** A plain or double-quoted value being typed. */
  private static final Pattern VALUE_PREFIX = Pattern.compile("\"?[A-Za-z0-9_+.-]*");

  private Completions() {}

  /** The completion items at {@code position}. */
  static List<CompletionItem> at(YamlOutline outline, Position position) {
    if (position.getLine() < 0 || position.getLine() >= outline.size()) {
      return List.of();
    }
    int index = position.getLine();
    String line = outline.document().line(index);
    int cursor = Math.min(position.getCharacter(), line.length());
    String prefix = line.substring(0, cursor);
    Matcher key = KEY_PREFIX.matcher(prefix);
    if (key.matches()) {
      return keys(outline, index, line, cursor, key);
    }
    YamlOutline.Line typed = YamlOutline.parse(prefix);
    if (typed.kind() == YamlOutline.Kind.ENTRY) {
      String value = prefix.substring(typed.keyEnd() + 1).stripLeading();
      if (VALUE_PREFIX.matcher(value).matches()) {
        return values(outline, index, line, cursor, cursor - value.length());
      }
    }
    return List.of();
  }

  private static List<CompletionItem> keys(
      YamlOutline outline, int index, String line, int cursor, Matcher typed) {
    int start = cursor - typed.group(3).length();
    Optional<List<String>> container;
    if (typed.group(2).isEmpty()) {
      container = outline.containerPath(index, start);
    } else {
      int lastDash = typed.group(1).length() + typed.group(2).stripTrailing().lastIndexOf('-');
      container = outline.itemContainer(index, lastDash);
    }
    Optional<StructSchema> struct = container.flatMap(SchemaLookup::struct);
    if (struct.isEmpty()) {
      return List.of();
    }
    int end = cursor;
    while (end < line.length() && isKeyChar(line.charAt(end))) {
      end++;
    }
    boolean colonFollows = line.startsWith(":", end);
    Set<String> written = new HashSet<>();
    for (String sibling : outline.siblingKeys(index, start)) {
      written.add(SchemaLookup.canonical(sibling));
    }
    Range range = new Range(new Position(index, start), new Position(index, end));
    List<CompletionItem> items = new ArrayList<>();
    for (SchemaField field : struct.get().fields()) {
      if (written.contains(field.name())) {
        continue;
      }
      List<String> path = new ArrayList<>(container.get());
      path.add(field.name());
      CompletionItem item = new CompletionItem(field.name());
      item.setKind(
          field.struct() != null ? CompletionItemKind.Module : CompletionItemKind.Property);
      item.setDetail(FieldHelp.typeName(field));
      item.setDocumentation(
          new MarkupContent(MarkupKind.MARKDOWN, FieldHelp.markdown(field, path)));
      String insert =
          colonFollows ? field.name() : field.name() + (field.kind().isScalar() ? ": " : ":");
      item.setTextEdit(Either.forLeft(new TextEdit(range, insert)));
      item.setFilterText(field.name());
      item.setSortText((field.deprecation().isPresent() ? "1" : "0") + field.name());
      if (field.deprecation().isPresent()) {
        item.setTags(List.of(CompletionItemTag.Deprecated));
      }
      items.add(item);
    }
    return items;
  }

  private static List<CompletionItem> values(
      YamlOutline outline, int index, String line, int cursor, int start) {
    if (outline.line(index).kind() != YamlOutline.Kind.ENTRY) {
      return List.of();
    }
    Optional<SchemaField> field = outline.entryPath(index).flatMap(SchemaLookup::field);
    if (field.isEmpty()) {
      return List.of();
    }
    List<String> values =
        field.get().kind() == FieldKind.BOOL ? List.of("true", "false") : field.get().allowed();
    int end = cursor;
    while (end < line.length() && line.charAt(end) != ' ' && line.charAt(end) != '#') {
      end++;
    }
    Range range = new Range(new Position(index, start), new Position(index, end));
    List<CompletionItem> items = new ArrayList<>();
    for (String value : values) {
      CompletionItem item = new CompletionItem(value);
      item.setKind(CompletionItemKind.EnumMember);
      item.setDetail(field.get().name());
      item.setTextEdit(Either.forLeft(new TextEdit(range, value)));
      item.setFilterText(value);
      item.setSortText(String.format("%02d", items.size()));
      items.add(item);
    }
    return items;
  }

  private static boolean isKeyChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }
}
