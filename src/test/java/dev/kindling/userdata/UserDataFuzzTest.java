package dev.kindling.userdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target: classification of raw user data (gzip, scripts, cloud-config, Ignition, multipart
 * MIME with its headers, transfer encodings and nesting). Whatever the bytes, classification
 * returns a value, never throws, and stays within its limits. The corpus in {@code
 * UserDataFuzzTestInputs/classify/} runs in every build; {@code scripts/fuzz.sh} fuzzes it.
 */
class UserDataFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void classify(byte[] data) {
    UserData userData = UserData.classify(data);

    assertThat(userData.kind()).isNotNull();
    assertThat(userData.bytes().length).isLessThanOrEqualTo(64 * 1024 * 1024);
    assertThat(count(userData)).isLessThanOrEqualTo(MultipartReader.MAX_PARTS);
    assertThat(userData.toString()).doesNotContain("\n");
  }

  private static int count(UserData data) {
    int parts = 0;
    for (UserData.Part part : data.parts()) {
      parts += 1 + count(part.content());
    }
    return parts;
  }
}
