package dev.kindling.value;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Sha256Test {
  @Test
  void hex_publishedTestVectors() {
    // FIPS 180-4 examples (one block, two blocks) and the empty message.
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.hex(bytes("")));
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Sha256.hex(bytes("abc")));
    assertEquals(
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        Sha256.hex(bytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")));
    byte[] million = new byte[1_000_000];
    Arrays.fill(million, (byte) 'a');
    assertEquals(
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
        HexFormat.of().formatHex(Sha256.digest(million)));
  }

  @Test
  void digest_everyLengthAroundTheBlockBoundaries_sameAsTheJdk() {
    SplittableRandom random = new SplittableRandom(11);
    for (int length = 0; length <= 300; length++) {
      byte[] data = new byte[length];
      random.nextBytes(data);
      assertArrayEquals(Sha256.jdkDigest(data), Sha256.digest(data), "length " + length);
    }
  }

  @Test
  void digest_randomLengthsAndBytes_sameAsTheJdk() {
    SplittableRandom random = new SplittableRandom(13);
    for (int i = 0; i < 500; i++) {
      byte[] data = new byte[random.nextInt(20_000)];
      random.nextBytes(data);
      assertArrayEquals(Sha256.jdkDigest(data), Sha256.digest(data), "length " + data.length);
    }
  }

  @Test
  void hex_largeInputsToo_sameDigestEitherSideOfTheSizeLimit() {
    for (int length : new int[] {Sha256.SMALL, Sha256.SMALL + 1}) {
      byte[] data = new byte[length];
      new SplittableRandom(length).nextBytes(data);
      assertEquals(HexFormat.of().formatHex(Sha256.jdkDigest(data)), Sha256.hex(data));
      assertArrayEquals(Sha256.jdkDigest(data), Sha256.digest(data));
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
