package dev.kindling.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Goldens of upstream system/env_file_test.go and system/update_test.go. */
class MergeTest {
  private static final Map<String, String> IPS =
      Map.of(
          "COREOS_PUBLIC_IPV4", "1.2.3.4",
          "COREOS_PRIVATE_IPV4", "5.6.7.8",
          "COREOS_PUBLIC_IPV6", "1234::",
          "COREOS_PRIVATE_IPV6", "5678::");

  @Test
  void environment_newFile_sortedKeys() {
    assertThat(EnvironmentFileMerge.merge(Optional.empty(), IPS))
        .contains(
            "COREOS_PRIVATE_IPV4=5.6.7.8\nCOREOS_PRIVATE_IPV6=5678::\n"
                + "COREOS_PUBLIC_IPV4=1.2.3.4\nCOREOS_PUBLIC_IPV6=1234::\n");
  }

  @Test
  void environment_existing_replacedInPlaceAndCrlfRewritten() {
    String existing = "FOO=bar\r\nCOREOS_PUBLIC_IPV4=9.9.9.9\r\nBAZ=qux";
    assertThat(
            EnvironmentFileMerge.merge(
                Optional.of(existing),
                Map.of("COREOS_PUBLIC_IPV4", "1.2.3.4", "COREOS_PRIVATE_IPV4", "5.6.7.8")))
        .contains("FOO=bar\nCOREOS_PUBLIC_IPV4=1.2.3.4\nBAZ=qux\nCOREOS_PRIVATE_IPV4=5.6.7.8\n");
  }

  @Test
  void environment_unchanged_isNotWritten() {
    String existing = "COREOS_PUBLIC_IPV4=1.2.3.4\n";
    assertThat(
            EnvironmentFileMerge.merge(
                Optional.of(existing), Map.of("COREOS_PUBLIC_IPV4", "1.2.3.4")))
        .isEmpty();
  }

  @Test
  void environment_noVariables_neverCreates() {
    assertThat(EnvironmentFileMerge.merge(Optional.empty(), Map.of())).isEmpty();
  }

  @Test
  void environment_invalidKey_rejected() {
    assertThatThrownBy(() -> EnvironmentFileMerge.merge(Optional.empty(), Map.of("BAD-KEY", "x")))
        .hasMessageContaining("invalid name");
  }

  @Test
  void update_emptyBase_variablesSorted() {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("SERVER", "http://foo.com");
    vars.put("GROUP", "master");
    assertThat(UpdateConfMerge.merge("", vars)).isEqualTo("GROUP=master\nSERVER=http://foo.com\n");
  }

  @Test
  void update_existingLines_replacedInPlace() {
    assertThat(
            UpdateConfMerge.merge(
                "SERVER=https://example.com\nGROUP=thegroupc\nREBOOT_STRATEGY=awesome",
                Map.of("REBOOT_STRATEGY", "etcd-lock")))
        .isEqualTo("SERVER=https://example.com\nGROUP=thegroupc\nREBOOT_STRATEGY=etcd-lock\n");
  }

  @Test
  void update_groupsLine_notMistakenForGroup() {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("GROUP", "beta");
    vars.put("REBOOT_STRATEGY", "off");
    assertThat(UpdateConfMerge.merge("GROUPS=x\nGROUP=y", vars))
        .isEqualTo("GROUPS=x\nGROUP=beta\nREBOOT_STRATEGY=off\n");
  }
}
