package dev.kindling.lsp;

import dev.kindling.config.SchemaField;
import dev.kindling.config.ServiceTables;
import dev.kindling.config.StructSchema;
import dev.kindling.plan.EnvDropIns;
import dev.kindling.plan.FlannelEnvFile;
import dev.kindling.plan.OemRelease;
import dev.kindling.plan.SystemdPaths;
import dev.kindling.plan.UnitName;
import dev.kindling.plan.UpdateSettings;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Markdown that describes a schema field (hover, completion documentation): what it does, its
 * type, what it becomes on the machine (an environment variable in a drop-in or file), its allowed
 * values and its deprecation. Everything comes from the schema tables and the planner's paths.
 */
final class FieldHelp {
  private FieldHelp() {}

  /** The description of the field at {@code path} ({@link YamlOutline} segments). */
  static String markdown(SchemaField field, List<String> path) {
    StringBuilder out = new StringBuilder();
    out.append("**").append(field.name()).append("** `").append(SchemaLookup.display(path));
    out.append("`: ").append(typeName(field)).append("\n\n");
    if (field.env() == null || !field.description().contains(field.env())) {
      out.append(sentence(field.description())).append('\n');
    }
    destination(field, SchemaLookup.owner(path))
        .ifPresent(where -> out.append('\n').append(where).append('\n'));
    if (!field.allowed().isEmpty()) {
      out.append("\nOne of ")
          .append(
              field.allowed().stream().map(v -> "`" + v + "`").collect(Collectors.joining(", ")))
          .append(".\n");
    } else if (field.valid() != null) {
      out.append("\nThe value must match `").append(field.valid().pattern()).append("`.\n");
    }
    field
        .deprecation()
        .ifPresent(
            reason -> out.append("\n**Deprecated:** ").append(sentence(reason)).append('\n'));
    String written = path.get(path.size() - 1);
    if (!written.equals(field.name())) {
      out.append("\nWritten `")
          .append(written)
          .append("`, read as `")
          .append(field.name())
          .append("`: spell it `")
          .append(field.name())
          .append("`.\n");
    }
    if (field.struct() != null) {
      out.append("\nKeys: ")
          .append(
              field.struct().names().stream()
                  .map(n -> "`" + n + "`")
                  .collect(Collectors.joining(", ")))
          .append(".\n");
    }
    return out.toString();
  }

  /** The type in words. */
  static String typeName(SchemaField field) {
    return switch (field.kind()) {
      case STRING -> "string";
      case INT -> "integer";
      case FLOAT -> "number";
      case BOOL -> "boolean";
      case STRING_LIST -> "list of strings";
      case STRUCT -> "mapping";
      case STRUCT_LIST -> "list of mappings";
      case COMMAND_LIST -> "list of commands (a string for sh, or a list of words)";
    };
  }

  /** Where a service field's value ends up, for the tables that render to a file. */
  static Optional<String> destination(SchemaField field, Optional<StructSchema> owner) {
    if (field.env() == null || owner.isEmpty()) {
      return owner
          .filter(ServiceTables.OEM::equals)
          .map(o -> "Written to `" + OemRelease.PATH + "`.");
    }
    StructSchema table = owner.get();
    String variable = "`" + field.env() + "=`";
    if (ServiceTables.DROP_IN_TABLES.contains(table)) {
      String unit = EnvDropIns.unitFor(table);
      String dropIn = SystemdPaths.dropInPath(new UnitName(unit), true, SystemdPaths.DROP_IN_NAME);
      return Optional.of(
          "Becomes "
              + variable
              + " in the environment of `"
              + unit
              + "` (drop-in `"
              + dropIn
              + "`).");
    }
    if (table.equals(ServiceTables.FLANNEL)) {
      return Optional.of("Becomes " + variable + " in `" + FlannelEnvFile.PATH + "`.");
    }
    if (table.equals(ServiceTables.UPDATE)) {
      return Optional.of("Becomes " + variable + " in `" + UpdateSettings.PATH + "`.");
    }
    return Optional.of("Becomes " + variable + ".");
  }

  private static String sentence(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    String first = Character.toUpperCase(text.charAt(0)) + text.substring(1);
    return first.endsWith(".") ? first : first + ".";
  }
}
