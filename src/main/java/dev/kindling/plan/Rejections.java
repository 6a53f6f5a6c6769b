package dev.kindling.plan;

import dev.kindling.config.CheckedConfig;
import dev.kindling.config.Rejection;
import dev.kindling.config.yaml.ConfigPath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The errors the analysis found in one config, handed to the items they belong to as the planner
 * goes: an item with an error at or below it is not planned, and becomes a {@link RejectedItem}
 * with the findings' messages. Whatever no item claims is still reported ({@link #unclaimed}), so
 * nothing validate rejects is applied silently.
 */
final class Rejections {
  private final CheckedConfig checked;
  private final String subjectPrefix;
  private final Set<Rejection> open;

  Rejections(CheckedConfig checked, String subjectPrefix) {
    this.checked = checked;
    this.subjectPrefix = subjectPrefix;
    this.open = new LinkedHashSet<>(checked.rejections());
  }

  /**
   * The rejected item that stands in for {@code item}, named {@code subject}, when an error lies at
   * or below it: its reason is the messages of all those errors, in document order, joined with ";
   * ", and all of them are claimed.
   */
  Optional<Action> reject(String subject, ConfigPath item) {
    Set<String> reasons = new LinkedHashSet<>();
    for (Rejection r : checked.rejections()) {
      if (item.contains(r.path())) {
        reasons.add(r.reason());
        open.remove(r);
      }
    }
    return reasons.isEmpty()
        ? Optional.empty()
        : Optional.of(new RejectedItem(subjectPrefix + subject, String.join("; ", reasons)));
  }

  /**
   * As {@link #reject(String, ConfigPath)}, but only when an error lies outside {@code separately}
   * (parts of the item judged on their own, such as a user's keys): errors only there leave the
   * item to be planned.
   */
  Optional<Action> rejectUnlessOnlyIn(String subject, ConfigPath item, ConfigPath... separately) {
    for (Rejection r : checked.rejections()) {
      if (item.contains(r.path()) && !below(r, separately)) {
        return reject(subject, item);
      }
    }
    return Optional.empty();
  }

  /** The errors no item claimed, as rejected items named by their paths. */
  List<Action> unclaimed() {
    List<Action> out = new ArrayList<>();
    for (Rejection r : open) {
      out.add(new RejectedItem(subjectPrefix + r.display(), r.reason()));
    }
    open.clear();
    return out;
  }

  /** The subject prefix of this part ("" for a single part). */
  String prefix() {
    return subjectPrefix;
  }

  private static boolean below(Rejection r, ConfigPath... except) {
    for (ConfigPath e : except) {
      if (e.contains(r.path())) {
        return true;
      }
    }
    return false;
  }
}
