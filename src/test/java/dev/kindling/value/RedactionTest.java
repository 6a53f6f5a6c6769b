package dev.kindling.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {
  @Test
  void redaction_url_hidesUserInfoAndQuery() {
    assertThat(Redaction.url("https://u:pw@keys.example/a/b?token=s"))
        .isEqualTo("https://***@keys.example/a/b?***");
    assertThat(Redaction.url("https://api.github.com/users/x/keys"))
        .isEqualTo("https://api.github.com/users/x/keys");
  }

  @Test
  void redact_dropsUserInfoAndQuery() {
    assertThat(Redaction.url(URI.create("http://user:pw@127.0.0.1:8080/a/b?token=x#f")))
        .isEqualTo("http://***@127.0.0.1:8080/a/b?***");
  }

  @Test
  void url_userInfoWithoutPath_andFragmentOnly() {
    assertThat(Redaction.url("http://u:p@host?x=1")).isEqualTo("http://***@host?***");
    assertThat(Redaction.url("http://host/p#secret")).isEqualTo("http://host/p");
    assertThat(Redaction.url("not a url")).isEqualTo("not a url");
  }

  @Test
  void message_secretField_quotedValuesRedacted() {
    assertThat(Redaction.message("invalid value \"hunter2\"", List.of("users", 0, "passwd")))
        .isEqualTo("invalid value \"<redacted>\"");
    assertThat(Redaction.message("bad \"x\" in \"y\"", List.of("coreos", "etcd2", "auth_token")))
        .isEqualTo("bad \"<redacted>\" in \"<redacted>\"");
    assertThat(Redaction.message("invalid value \"wizzle\"", List.of("coreos", "update")))
        .isEqualTo("invalid value \"wizzle\"");
  }

  @Test
  void message_keyNamesOfThePath_neverRedacted() {
    assertThat(
            Redaction.message(
                "incorrect type for \"ssh_authorized_keys\" (want a list of strings)",
                List.of("ssh_authorized_keys")))
        .isEqualTo("incorrect type for \"ssh_authorized_keys\" (want a list of strings)");
    assertThat(
            Redaction.message(
                "incorrect type for \"users[1]\" in \"hunter2\"", List.of("users", 1, "passwd")))
        .isEqualTo("incorrect type for \"users[1]\" in \"<redacted>\"");
  }

  @Test
  void isSecret_publicKeysAreNot_privateKeysPasswordsContentTokensAre() {
    assertThat(Redaction.isSecret(List.of("ssh_authorized_keys"))).isFalse();
    assertThat(Redaction.isSecret(List.of("users", 0, "ssh_authorized_keys", 1))).isFalse();
    assertThat(Redaction.isSecret(List.of("users", 0, "ssh_import_id"))).isFalse();
    assertThat(Redaction.isSecret(List.of("ssh_keys", "rsa_private"))).isTrue();
    assertThat(Redaction.isSecret(List.of("users", 0, "passwd"))).isTrue();
    assertThat(Redaction.isSecret(List.of("write_files", 0, "content"))).isTrue();
    assertThat(Redaction.isSecret(List.of("coreos", "etcd2", "discovery_token"))).isTrue();
  }
}
