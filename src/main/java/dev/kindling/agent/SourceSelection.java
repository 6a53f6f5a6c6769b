package dev.kindling.agent;

import dev.kindling.datasource.DatasourceType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The sources a user named: explicit options with their arguments ("" for switches), an OEM preset
 * and {@code --auto}. Resolved (and checked) by the agent before anything else happens.
 *
 * @param explicit each named datasource type and its argument
 * @param oem the {@code --oem} preset's name, when given
 * @param auto whether {@code --auto} was given
 */
public record SourceSelection(
    Map<DatasourceType, String> explicit, Optional<String> oem, boolean auto) {
  public SourceSelection {
    explicit = Map.copyOf(explicit);
    Objects.requireNonNull(oem, "oem");
  }

  /** No source at all. */
  public static SourceSelection none() {
    return new SourceSelection(Map.of(), Optional.empty(), false);
  }

  /** This selection with {@code type} named explicitly with {@code argument}. */
  public SourceSelection with(DatasourceType type, String argument) {
    Map<DatasourceType, String> more = new LinkedHashMap<>(explicit);
    more.put(type, argument);
    return new SourceSelection(more, oem, auto);
  }

  /** This selection with the OEM preset {@code name}. */
  public SourceSelection withOem(String name) {
    return new SourceSelection(explicit, Optional.of(name), auto);
  }

  /** This selection with {@code --auto}. */
  public SourceSelection withAuto() {
    return new SourceSelection(explicit, oem, true);
  }

  /** Whether nothing was named. */
  public boolean isEmpty() {
    return explicit.isEmpty() && oem.isEmpty() && !auto;
  }
}
