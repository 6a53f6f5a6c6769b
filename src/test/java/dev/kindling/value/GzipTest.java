package dev.kindling.value;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class GzipTest {
  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  @Test
  void gunzip_roundTrip_andConcatenatedMembers() throws IOException {
    byte[] a = gzip("hello ".getBytes(UTF_8));
    byte[] b = gzip("world".getBytes(UTF_8));
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    assertThat(new String(Gzip.gunzip(a), UTF_8)).isEqualTo("hello ");
    assertThat(new String(Gzip.gunzip(both), UTF_8)).isEqualTo("hello world");
    assertThat(Gzip.isGzip(a)).isTrue();
    assertThat(Gzip.isGzip("#cloud-config".getBytes(UTF_8))).isFalse();
    assertThat(Gzip.isGzip(new byte[] {0x1f})).isFalse();
  }

  @Test
  void gunzip_exactlyTheLimit_passes_oneMore_fails() throws IOException {
    byte[] data = new byte[100_000];
    byte[] gz = gzip(data);
    assertThat(Gzip.gunzip(gz, 100_000)).hasSize(100_000);
    assertThatThrownBy(() -> Gzip.gunzip(gz, 99_999))
        .isInstanceOf(Gzip.TooLargeException.class)
        .hasMessage("expands to more than 99999 bytes");
  }

  @Test
  void gunzip_bomb_stopsAtTheDefaultLimit() throws IOException {
    byte[] gz = gzip(new byte[Gzip.LIMIT + 1]);
    assertThatThrownBy(() -> Gzip.gunzip(gz)).isInstanceOf(Gzip.TooLargeException.class);
  }

  @Test
  void gunzip_truncated_isEof_garbage_isIoException() throws IOException {
    byte[] gz = gzip("some text that is long enough".getBytes(UTF_8));
    assertThatThrownBy(() -> Gzip.gunzip(Arrays.copyOf(gz, gz.length / 2)))
        .isInstanceOf(EOFException.class);
    assertThatThrownBy(() -> Gzip.gunzip(new byte[] {0x1f, (byte) 0x8b, 1, 2, 3}))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(Gzip.TooLargeException.class);
  }
}
