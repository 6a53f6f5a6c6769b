package dev.kindling.datasource.gce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GceSshKeysTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static Map<String, String> parse(String... lines) {
    Map<String, String> keys = GceSshKeys.newMap();
    GceSshKeys.parse(List.of(lines), NOW, keys);
    return keys;
  }

  @Test
  void parse_expiryForms_honoured() {
    assertThat(
            parse(
                    "a:ssh-rsa AAA a google-ssh {\"userName\":\"a@x\",\"expireOn\":\"2025-12-31T23:59:59+0000\"}",
                    "b:ssh-rsa BBB b google-ssh {\"userName\":\"b@x\",\"expireOn\":\"2026-01-02T00:00:00+00:00\"}",
                    "c:ssh-rsa CCC c google-ssh {\"userName\":\"c@x\"}",
                    "d:ssh-rsa DDD d google-ssh {\"expireOn\":\"not a time\"}")
                .keySet())
        .containsExactly("b", "c");
  }

  @Test
  void parse_malformedLines_skipped() {
    assertThat(parse("", "no-colon-here", ":ssh-rsa AAA", "user:", "ok:ssh-ed25519 KEY"))
        .containsExactly(Map.entry("ok", "ssh-ed25519 KEY"));
  }
}
