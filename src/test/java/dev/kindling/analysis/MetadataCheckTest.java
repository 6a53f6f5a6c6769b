package dev.kindling.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.metadata.Metadata;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetadataCheckTest {
  static final String KEY =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHbyGuZHDdTq1vKAVb+kupJzMZ20R7RZNGPH6D2KaI4e me@host";

  private static Metadata metadata(
      String instanceId, String hostname, String privateIpv4, Map<String, String> keys) {
    return new Metadata(
        Optional.ofNullable(instanceId),
        Optional.ofNullable(hostname),
        Optional.of("203.0.113.7"),
        Optional.ofNullable(privateIpv4),
        Optional.of("2001:db8::7"),
        Optional.empty(),
        keys,
        Optional.empty());
  }

  @Test
  void check_validValues_areKeptAsTheyAre() {
    Metadata m =
        metadata("i-0abc123def456", "ip-10-0-0-5.ec2.internal", "10.0.0.5", Map.of("k", KEY));

    MetadataCheck.Checked checked = MetadataCheck.check(m);

    assertThat(checked.metadata()).isEqualTo(m);
    assertThat(checked.dropped()).isEmpty();
  }

  @Test
  void check_longFqdn_isKeptSinceOnlyItsFirstLabelIsSet() {
    String fqdn = "node-1." + "a".repeat(60) + "." + "b".repeat(60) + ".internal";

    MetadataCheck.Checked checked = MetadataCheck.check(metadata(null, fqdn, null, Map.of()));

    assertThat(checked.metadata().hostname()).contains(fqdn);
    assertThat(checked.dropped()).isEmpty();
  }

  @Test
  void check_hostnameWithNul_isDroppedSayingWhyWithTheNameEscaped() {
    MetadataCheck.Checked checked =
        MetadataCheck.check(metadata("i-1", "host\u0000name", "10.0.0.5", Map.of()));

    assertThat(checked.metadata().hostname()).isEmpty();
    assertThat(checked.metadata().instanceId()).contains("i-1");
    assertThat(checked.metadata().privateIpv4()).contains("10.0.0.5");
    assertThat(checked.dropped())
        .containsExactly(
            "metadata hostname dropped: \"host\\u0000name\" is not a hostname: character U+0000"
                + " is not allowed (letters, digits and \"-\" in dot-separated labels)");
  }

  @Test
  void check_hostnameWithDotDotSlash_isDropped() {
    MetadataCheck.Checked checked = MetadataCheck.check(metadata(null, "../../x", null, Map.of()));

    assertThat(checked.metadata().hostname()).isEmpty();
    assertThat(checked.dropped()).singleElement().asString().contains("\"/\" is not allowed");
  }

  @Test
  void check_hugeHostname_isDroppedAndTheMessageIsCut() {
    String huge = "a".repeat(10_000_000);

    MetadataCheck.Checked checked = MetadataCheck.check(metadata(null, huge, null, Map.of()));

    assertThat(checked.metadata().hostname()).isEmpty();
    assertThat(checked.dropped())
        .singleElement()
        .asString()
        .hasSizeLessThan(250)
        .contains("longer than 253 characters");
  }

  @Test
  void check_instanceIdThatIsAPath_isDropped() {
    for (String id : new String[] {"../../x", "..", "a b", "i-1\nEVIL=1", "x".repeat(256), ""}) {
      MetadataCheck.Checked checked = MetadataCheck.check(metadata(id, null, null, Map.of()));

      assertThat(checked.metadata().instanceId()).as(id).isEmpty();
      assertThat(checked.dropped())
          .as(id)
          .singleElement()
          .asString()
          .startsWith("metadata instance id dropped: ");
    }
  }

  @Test
  void check_addressOfTheWrongFamilyOrNoAddress_isDroppedWithoutTheValue() {
    for (String ip : new String[] {"2001:db8::1", "10.0.0.5/24", "10.0.0.5\u0000", "$(reboot)"}) {
      MetadataCheck.Checked checked = MetadataCheck.check(metadata(null, null, ip, Map.of()));

      assertThat(checked.metadata().privateIpv4()).as(ip).isEmpty();
      assertThat(checked.dropped())
          .as(ip)
          .containsExactly("metadata private IPv4 address dropped: it is not an IPv4 address");
    }
  }

  @Test
  void check_invalidSshKey_isDroppedByNameOthersKeptInOrder() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("first", KEY);
    keys.put("broken", "ssh-rsa not-base64!");
    keys.put("last", KEY.replace("me@host", "other@host"));

    MetadataCheck.Checked checked = MetadataCheck.check(metadata(null, null, null, keys));

    assertThat(checked.metadata().sshPublicKeys().keySet()).containsExactly("first", "last");
    assertThat(checked.dropped())
        .singleElement()
        .asString()
        .startsWith("metadata SSH key \"broken\" dropped: invalid SSH key: ")
        .doesNotContain("not-base64");
  }
}
