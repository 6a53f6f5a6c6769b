package dev.kindling.validate;

import dev.kindling.config.Severity;
import dev.kindling.userdata.UserData;
import java.util.List;
import java.util.Objects;

/**
 * The validation result for one input: its name, what kind of user data it is, and its entries in
 * document order.
 */
public record FileReport(String file, UserData.Kind type, List<Entry> entries) {
  public FileReport {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(type, "type");
    entries = List.copyOf(entries);
  }

  /** How many entries have this severity. */
  public long count(Severity severity) {
    return entries.stream().filter(e -> e.finding().severity() == severity).count();
  }
}
