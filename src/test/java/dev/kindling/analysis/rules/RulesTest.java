package dev.kindling.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RulesTest {
  @Test
  void all_containsEveryRuleOnce() {
    List<Class<?>> classes = Rules.all().stream().<Class<?>>map(Object::getClass).toList();
    assertThat(classes)
        .doesNotHaveDuplicates()
        .containsExactly(
            DiscoveryUrlRule.class,
            ContentEncodingRule.class,
            WriteFilePathRule.class,
            PermissionsRule.class,
            OwnerRule.class,
            UnitNameRule.class,
            DropInRule.class,
            UnitSettingsRule.class,
            UnitContentRule.class,
            SshKeyRule.class,
            HostnameRule.class,
            UserRule.class,
            PasswordHashRule.class);
  }
}
