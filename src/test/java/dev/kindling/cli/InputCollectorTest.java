package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reading validate's inputs: the size cap and the file names a directory walk picks. */
class InputCollectorTest {
  @Test
  void readCapped_upToTheCap_readsEverything() throws IOException {
    byte[] data = new byte[(3 << 20) + 17];
    data[data.length - 1] = 7;
    byte[] read = InputCollector.readCapped(new ByteArrayInputStream(data), 4 << 20);
    assertThat(read).isEqualTo(data);
    assertThat(InputCollector.readCapped(InputStream.nullInputStream(), 10)).isEmpty();
  }

  @Test
  void readCapped_pastTheCap_failsWithoutReadingItAll() {
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 0;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            return len;
          }
        };
    assertThatThrownBy(() -> InputCollector.readCapped(endless, 2 << 20))
        .isInstanceOf(IOException.class)
        .hasMessage("larger than 2 MiB");
  }

  @Test
  void isUserData_matchesTheContractNames() {
    assertThat(InputCollector.isUserData(Path.of("a/b.yaml"))).isTrue();
    assertThat(InputCollector.isUserData(Path.of("b.yml"))).isTrue();
    assertThat(InputCollector.isUserData(Path.of("x/user-data"))).isTrue();
    assertThat(InputCollector.isUserData(Path.of("x/user_data"))).isTrue();
    assertThat(InputCollector.isUserData(Path.of("x/user-data.txt"))).isFalse();
    assertThat(InputCollector.isUserData(Path.of("B.YAML"))).isFalse();
    assertThat(InputCollector.isUserData(Path.of("/"))).isFalse();
  }
}
