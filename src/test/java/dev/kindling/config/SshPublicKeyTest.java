package dev.kindling.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SshPublicKeyTest {
  /** Keys made with ssh-keygen for these tests (the private halves were discarded). */
  static final String ED25519 =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHbyGuZHDdTq1vKAVb+kupJzMZ20R7RZNG" + "PH6D2KaI4e";

  static final String RSA =
      "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQC5C2dPzrr/es5VcWqFX8lHcCcnN99yJS"
          + "NF0uRlmK/nwe3obiPr9M70rYDyfdMPlU10icuKGWIoWajMrzWmt8v+1euSWg9xVqSzCU8i"
          + "EpTXKOlugWwrd8P3gLa7MxsLjdh7qZ9YpDtLv+PEb/zZVb0tLpBs1yew7MoHe+zA5ZJ8LE"
          + "7SSszfu7oNtLAENnGQ1heh3tvhXaakuoywSlN0C1uaXdy7xGhGtVAHf5piixG5vD2qokPY"
          + "R8AZTqdN+jYz7mUGq1eqp6en/s6BjpjLFRF7QdZ0YwMKzgu0TIe96R2SXSjnBSoWg3/zr7"
          + "UeaUnHH1mxPrAd3ILoPcdFXAuYyr/xgRMQpv1DNJxR2fFjjhZl8OqguuftvPEuyOsZR0uf"
          + "nfdUuBE3bBC98XtrP60Oq4xy94I5ho4W3jmKhJaoLrc9LuswtFSBMupgsEx6swveMf/EZw"
          + "LSxGcWN/t8HOY4Rg+/Pb01I3f/CTEq5df/odL+0I8MoDWlE+kSUs7Je1Wl2pc=";

  static final String ECDSA =
      "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAA"
          + "BBBNXHMdzSLLjqop1wJbfUbc+kv1vbjP6G8tk7Z1lIqD/SawRgpdXVZdzr0KNK1DUU2hOF"
          + "Dmu7JjmC2rUoeJPwtoc=";

  static final String CERT =
      "ssh-ed25519-cert-v01@openssh.com AAAAIHNzaC1lZDI1NTE5LWNlcnQtdjAxQG9wZ"
          + "W5zc2guY29tAAAAIP5ESAYXj287AmPiLYYfzQ/LsI8DA+pFHrz1Fu/d/LzZAAAAIHbyGuZ"
          + "HDdTq1vKAVb+kupJzMZ20R7RZNGPH6D2KaI4eAAAAAAAAAAAAAAABAAAABHRlc3QAAAAIA"
          + "AAABGNvcmUAAAAAAAAAAP//////////AAAAAAAAAIIAAAAVcGVybWl0LVgxMS1mb3J3YXJ"
          + "kaW5nAAAAAAAAABdwZXJtaXQtYWdlbnQtZm9yd2FyZGluZwAAAAAAAAAWcGVybWl0LXBvc"
          + "nQtZm9yd2FyZGluZwAAAAAAAAAKcGVybWl0LXB0eQAAAAAAAAAOcGVybWl0LXVzZXItcmM"
          + "AAAAAAAAAAAAAADMAAAALc3NoLWVkMjU1MTkAAAAgvzbJMMstPL9y9v9H3EhC+HoLMvB1M"
          + "yWUu/Jrc7u8KvwAAABTAAAAC3NzaC1lZDI1NTE5AAAAQIQ4jtQBNmT4QfpMUpLkNOGwcqU"
          + "mBbsZTIhuKOH/OnDl5MeEdvuPXIZhG6E53gXd1Wq9Qg/nkxqVWjfUi2c9tQI=";

  static final String SK =
      "sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29tAAA"
          + "AILpXLoJl6OKdmUuXSyYWafmiMDhXRnnAj7AL6oc1McJFAAAABHNzaDo=";

  private static String blob(String key) {
    return key.substring(key.indexOf(' ') + 1);
  }

  private static SshPublicKey.Invalid invalid(String line) {
    SshPublicKey.Result r = SshPublicKey.parse(line);
    assertThat(r).isInstanceOf(SshPublicKey.Invalid.class);
    return (SshPublicKey.Invalid) r;
  }

  @ParameterizedTest
  @ValueSource(strings = {ED25519, RSA, ECDSA, CERT, SK})
  void parse_realKeys_areValid(String line) {
    SshPublicKey.Result r = SshPublicKey.parse(line + " user@host");
    assertThat(r).isInstanceOf(SshPublicKey.Valid.class);
    SshPublicKey key = ((SshPublicKey.Valid) r).key();
    assertThat(key.type()).isEqualTo(line.substring(0, line.indexOf(' ')));
    assertThat(key.comment()).isEqualTo("user@host");
    assertThat(key.options()).isEmpty();
  }

  @Test
  void parse_withOptions_keepsOptions() {
    SshPublicKey.Result r =
        SshPublicKey.parse("no-pty,command=\"echo 'a b'\",from=\"10.0.0.0/8\" " + ED25519 + " c d");
    assertThat(r).isInstanceOf(SshPublicKey.Valid.class);
    SshPublicKey key = ((SshPublicKey.Valid) r).key();
    assertThat(key.options()).isEqualTo("no-pty,command=\"echo 'a b'\",from=\"10.0.0.0/8\"");
    assertThat(key.comment()).isEqualTo("c d");
  }

  @Test
  void parse_truncatedBlob_isTruncated() {
    assertThat(invalid("ssh-ed25519 " + blob(ED25519).substring(0, 40)).reason())
        .isEqualTo("the key data is truncated");
    assertThat(invalid("ssh-rsa AAAA").reason()).isEqualTo("the key data is truncated");
  }

  @Test
  void parse_unpaddedOrForeignCharacters_isNotBase64() {
    String unpadded = blob(SK).replace("=", "");
    assertThat(blob(SK)).endsWith("=");
    assertThat(invalid("sk-ssh-ed25519@openssh.com " + unpadded).reason())
        .isEqualTo("the key data is not valid base64");
    assertThat(invalid("ssh-ed25519 " + blob(ED25519).substring(4) + "!!!!").reason())
        .isEqualTo("the key data is not valid base64");
  }

  @Test
  void parse_typeMismatch_namesBothTypes() {
    assertThat(invalid("ssh-rsa " + blob(ED25519)).reason())
        .isEqualTo("the key data is for ssh-ed25519, not ssh-rsa");
  }

  @Test
  void parse_lineBreakInTheEntry_isRejectedAsASecondLine() {
    for (String line :
        new String[] {
          ED25519 + " a@b\n" + RSA + " evil", ED25519 + "\r\n" + RSA, ED25519 + " x\ry"
        }) {
      SshPublicKey.Invalid bad = invalid(line);
      assertThat(bad.reason())
          .isEqualTo(
              "the entry holds a line break, so it would be more than one line of"
                  + " authorized_keys");
      assertThat(bad.shown()).startsWith("ssh-ed25519 ").doesNotContain(blob(ED25519));
    }
    assertThat(SshPublicKey.parse("\n " + ED25519 + " a@b\n"))
        .isInstanceOf(SshPublicKey.Valid.class);
  }

  @Test
  void parse_extraBytes_isRejected() {
    byte[] raw = Base64.getDecoder().decode(blob(ED25519));
    byte[] longer = java.util.Arrays.copyOf(raw, raw.length + 4);
    assertThat(invalid("ssh-ed25519 " + Base64.getEncoder().encodeToString(longer)).reason())
        .isEqualTo("the key data has extra bytes after the key");
  }

  @Test
  void parse_unknownOrMissingType_explains() {
    assertThat(invalid("ssh-rsaa " + blob(RSA) + " x").reason())
        .isEqualTo("unknown key type \"ssh-rsaa\"");
    assertThat(invalid(blob(RSA)).reason())
        .isEqualTo("the key type (such as ssh-ed25519) is missing before the key data");
    assertThat(invalid("hello world").reason()).isEqualTo("the text is not an SSH public key");
    assertThat(invalid("ssh-ed25519").reason()).isEqualTo("the key data is missing");
    assertThat(invalid("  ").reason()).isEqualTo("the key is empty");
    assertThat(invalid("# comment").reason()).isEqualTo("the line is a comment, not a key");
    assertThat(invalid("command=\"x " + ED25519).reason())
        .isEqualTo("the options have an unclosed quote");
  }

  @Test
  void parse_privateKey_isFlaggedAndNotShown() {
    SshPublicKey.Invalid bad =
        invalid(
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1r\n-----END OPENSSH PRIVATE KEY-----");
    assertThat(bad.privateKey()).isTrue();
    assertThat(bad.shown()).isEmpty();
  }

  @Test
  void shown_neverTheWholeKey() {
    SshPublicKey.Invalid bad = invalid("ssh-rsa " + blob(ED25519));
    assertThat(bad.shown()).isEqualTo("ssh-rsa AAAAC3Nz…");
    assertThat(invalid("ssh-rsa AAAA").shown()).isEqualTo("ssh-rsa AA…");
  }

  @Test
  void summaryAndToString_showTypeAndPrefixOnly() {
    SshPublicKey key = ((SshPublicKey.Valid) SshPublicKey.parse(RSA)).key();
    assertThat(key.summary()).isEqualTo("ssh-rsa AAAAB3Nz…");
    assertThat(key.toString()).doesNotContain(blob(RSA).substring(0, 20));
  }
}
