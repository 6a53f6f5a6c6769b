package dev.kindling.datasource;

import static dev.kindling.datasource.Fixtures.deadline;
import static dev.kindling.datasource.Fixtures.path;
import static dev.kindling.datasource.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kindling.metadata.Metadata;
import java.io.FileOutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDatasourceTest {
  @Test
  void fetch_existingFile_userDataIsItsBytesAndNoMetadata() throws Exception {
    FileDatasource source = new FileDatasource(path("local-file/happy/user-data"));

    assertThat(source.type()).isEqualTo("local-file");
    assertThat(source.isAvailable(deadline())).isTrue();
    assertThat(utf8(source.fetchUserData(deadline())))
        .contains("#cloud-config\nhostname: from-file\n");
    assertThat(source.fetchMetadata(deadline())).isEqualTo(Metadata.empty());
  }

  @Test
  void fetchUserData_emptyFile_isNoUserData() throws Exception {
    assertThat(new FileDatasource(path("local-file/empty/user-data")).fetchUserData(deadline()))
        .isEmpty();
  }

  @Test
  void isAvailable_missingFile_notYetButMayAppear(@TempDir Path tmp) throws Exception {
    FileDatasource source = new FileDatasource(tmp.resolve("user_data"));

    assertThat(source.isAvailable(deadline())).isFalse();
    assertThat(source.availabilityChanges()).isTrue();
    Files.writeString(tmp.resolve("user_data"), "#cloud-config\n");
    assertThat(source.isAvailable(deadline())).isTrue();
  }

  @Test
  void fetchUserData_fileVanished_saysNoSuchFile(@TempDir Path tmp) {
    Path file = tmp.resolve("gone");

    assertThatThrownBy(() -> new FileDatasource(file).fetchUserData(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessage("failed to read " + file + ": no such file");
  }

  @Test
  void fetchUserData_directory_saysWhy(@TempDir Path tmp) {
    assertThatThrownBy(() -> new FileDatasource(tmp).fetchUserData(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessageStartingWith("failed to read " + tmp + ": ")
        .hasMessageContaining("directory");
  }

  @Test
  void fetchUserData_largerThanTheCap_isRefused(@TempDir Path tmp) throws Exception {
    Path big = tmp.resolve("big");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(LocalFiles.MAX_BYTES + 1L); // sparse: costs no disk
    }

    assertThatThrownBy(() -> new FileDatasource(big).fetchUserData(deadline()))
        .isInstanceOf(DatasourceException.class)
        .hasMessage("failed to read " + big + ": larger than " + LocalFiles.MAX_BYTES + " bytes");
  }

  @Test
  void fetchUserData_fifoWithoutWriter_failsAtTheDeadline(@TempDir Path tmp) throws Exception {
    Path fifo = tmp.resolve("fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo is needed to make a file whose read blocks");
    try {
      assertThatThrownBy(
              () -> new FileDatasource(fifo).fetchUserData(Deadline.in(Duration.ofMillis(200))))
          .isInstanceOf(DatasourceException.class)
          .hasMessage("failed to read " + fifo + ": no data before the deadline");
    } finally {
      // Release the reader thread still waiting in open(2): give it a writer that closes.
      new FileOutputStream(fifo.toFile()).close();
    }
  }
}
