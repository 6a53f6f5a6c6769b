package dev.kindling.analysis.rules;

import java.util.List;

/** Every rule, in the order they run (entries are sorted into document order afterwards). */
public final class Rules {
  private Rules() {}

  /** Every rule, in order. */
  public static List<Rule> all() {
    return List.of(
        new DiscoveryUrlRule(),
        new ContentEncodingRule(),
        new WriteFilePathRule(),
        new PermissionsRule(),
        new OwnerRule(),
        new UnitNameRule(),
        new DropInRule(),
        new UnitSettingsRule(),
        new UnitContentRule(),
        new SshKeyRule(),
        new HostnameRule(),
        new ControlCharacterRule(),
        new UserRule(),
        new PasswordHashRule());
  }
}
