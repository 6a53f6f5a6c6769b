package dev.kindling.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHashRuleTest {
  private static final String SHA512 =
      "$6$saltsalt$qFmFH.bQmmtXzyBY0s9v7Oicd2z4XSIecDzlB5KiA2/jctKu9YterLp8wwnSq.qc.eoxqOmSuNp2xS0ktL3nh/";

  @ParameterizedTest
  @ValueSource(
      strings = {
        SHA512,
        "$5$rounds=5000$salt$Gcm6FsVtF/Qa77ZKD.iwsJlCVPY0XSMgLJL0Hnww/c1",
        "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
        "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$X3DX6M94c7o.9agCG9G317fhZg9SqC.5i5rd.RhAtQ7"
      })
  void classify_strongHashes_areStrong(String hash) {
    assertThat(PasswordHashRule.classify(hash)).contains(PasswordHashRule.Kind.STRONG);
  }

  @ParameterizedTest
  @ValueSource(strings = {"*", "!", "!!", "*LK*", "!" + SHA512})
  void classify_lockedForms_areLocked(String hash) {
    assertThat(PasswordHashRule.classify(hash)).contains(PasswordHashRule.Kind.LOCKED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"$1$saltsalt$qjXMvbEw8oaL.CzflDugX/", "Xa.f9DkL3kPNs"})
  void classify_desAndMd5_areWeak(String hash) {
    assertThat(PasswordHashRule.classify(hash)).contains(PasswordHashRule.Kind.WEAK);
  }

  @ParameterizedTest
  @ValueSource(strings = {"hunter2", "$6$short", "correct horse battery staple", "!secret"})
  void classify_plainText_isNotAHash(String passwd) {
    assertThat(PasswordHashRule.classify(passwd)).isEmpty();
  }

  @Test
  void check_plainText_warnsWithoutShowingIt() {
    List<String> out =
        RuleHarness.check(
            new PasswordHashRule(),
            "#cloud-config\nusers:\n  - name: a\n    passwd: s3cr3t-Passw0rd\n");
    assertThat(out)
        .containsExactly(
            "4:13 warning password-hash users[0].passwd: passwd is not a crypt(3) password hash |"
                + " passwd is written to /etc/shadow as given, so a plain-text password never"
                + " matches (and is readable in the user data); create a hash with: mkpasswd"
                + " --method=SHA-512");
    assertThat(String.join("\n", out)).doesNotContain("s3cr3t");
  }
}
