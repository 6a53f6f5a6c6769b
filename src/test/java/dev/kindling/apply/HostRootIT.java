package dev.kindling.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host root is recognised by identity, not by spelling; nothing is written anywhere. */
class HostRootIT {
  @TempDir Path tmp;

  @Test
  void isHostRoot_everySpellingOfSlash_isTheHostRoot() throws IOException {
    Path link = Files.createSymbolicLink(tmp.resolve("to-root"), Path.of("/"));
    Path chain = Files.createSymbolicLink(tmp.resolve("chain"), link);

    assertThat(new RootFs(Path.of("/"), OwnerPolicy.RECORD).isHostRoot()).isTrue();
    assertThat(new RootFs(Path.of("/./"), OwnerPolicy.RECORD).isHostRoot()).isTrue();
    assertThat(new RootFs(link, OwnerPolicy.RECORD).isHostRoot()).isTrue();
    assertThat(new RootFs(chain, OwnerPolicy.RECORD).isHostRoot()).isTrue();
    assertThat(new RootFs(Path.of("/proc/self/root"), OwnerPolicy.RECORD).isHostRoot()).isTrue();
    assertThat(new RootFs(Path.of("/proc/self/root/."), OwnerPolicy.RECORD).isHostRoot()).isTrue();
  }

  @Test
  void isHostRoot_otherDirectories_areNot() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("target"));
    Path link = Files.createSymbolicLink(tmp.resolve("to-target"), dir);

    assertThat(new RootFs(dir, OwnerPolicy.RECORD).isHostRoot()).isFalse();
    assertThat(new RootFs(link, OwnerPolicy.RECORD).isHostRoot()).isFalse();
    assertThat(new RootFs(tmp.resolve("missing"), OwnerPolicy.RECORD).isHostRoot()).isFalse();
  }
}
