package dev.kindling.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AgentEnvironmentTest {
  @Test
  void realUid_firstNumberOfTheUidLine() {
    String status =
        "Name:\tjava\nUmask:\t0022\nState:\tR (running)\nUid:\t1000\t0\t0\t0\nGid:\t5\n";
    assertEquals(OptionalLong.of(1000), AgentEnvironment.realUid(status));
    assertEquals(OptionalLong.of(0), AgentEnvironment.realUid("Uid:\t0\t0\t0\t0\n"));
    assertEquals(OptionalLong.of(4294967294L), AgentEnvironment.realUid("Uid: 4294967294 1 1 1"));
  }

  @Test
  void realUid_noUidLineOrNoNumber_empty() {
    assertEquals(OptionalLong.empty(), AgentEnvironment.realUid("Name:\tjava\nGid:\t0\n"));
    assertEquals(OptionalLong.empty(), AgentEnvironment.realUid("Uid:\t\n"));
    assertEquals(OptionalLong.empty(), AgentEnvironment.realUid("XUid:\t0\n"));
    assertEquals(OptionalLong.empty(), AgentEnvironment.realUid(""));
  }

  @Test
  void realUid_ofThisProcess_isTheOwnerOfTheFilesItCreates() throws IOException {
    String status = Files.readString(Path.of("/proc/self/status"), StandardCharsets.ISO_8859_1);
    Path probe = Files.createTempFile("uid", ".probe");
    try {
      long owner = ((Number) Files.getAttribute(probe, "unix:uid")).longValue();
      assertEquals(OptionalLong.of(owner), AgentEnvironment.realUid(status));
    } finally {
      Files.delete(probe);
    }
  }
}
