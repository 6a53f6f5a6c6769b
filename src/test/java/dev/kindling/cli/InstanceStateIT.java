package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kindling.testing.MetadataEmulator;
import dev.kindling.testing.MetadataEmulator.Flavor;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} keeps its state under the root's {@code /var/lib/kindling}; {@code status}, {@code
 * query} and {@code clean} read and forget it. The metadata comes from an EC2 emulator on loopback.
 */
class InstanceStateIT {
  private static final Path FIXTURES = Path.of("src/test/resources/datasource");

  @TempDir Path tmp;
  private MetadataEmulator imds;
  private Path root;

  @BeforeEach
  void start() throws Exception {
    imds = MetadataEmulator.start(Flavor.EC2, FIXTURES.resolve("ec2/basic"));
    root = Files.createDirectories(tmp.resolve("root"));
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(
        root.resolve("etc/passwd"),
        "root:x:0:0:root:/root:/bin/bash\ncore:x:500:500:Core:/home/core:/bin/bash\n");
    Files.writeString(root.resolve("etc/group"), "root:x:0:\ncore:x:500:\n");
  }

  @AfterEach
  void stop() {
    imds.close();
  }

  private Cli.Run run() {
    return Cli.kindling(
        "run",
        "--from-ec2-metadata",
        imds.baseUri().toString(),
        "--root",
        root.toString(),
        "--systemd",
        "none",
        "--timeout",
        "10");
  }

  @Test
  void run_thenStatusAndQuery_readWhatRunStored() throws IOException {
    assertThat(run().status()).isZero();

    Cli.Run status = Cli.kindling("status", "--root", root.toString());
    assertThat(status.status()).isZero();
    assertThat(status.out())
        .startsWith("status: done\nlast run: ")
        .contains("datasource: ec2-metadata\n")
        .contains("instance: i-0abc123def456\n")
        .contains("changed: set hostname to from-user-data");

    Cli.Run json = Cli.kindling("status", "--root", root.toString(), "--format", "json");
    JsonNode s = new ObjectMapper().readTree(json.out());
    assertThat(s.get("status").asText()).isEqualTo("done");
    assertThat(s.get("datasource").asText()).isEqualTo("ec2-metadata");
    assertThat(s.get("exitStatus").asInt()).isZero();
    assertThat(s.get("failed")).isEmpty();

    assertThat(Cli.kindling("query", "--root", root.toString(), "private_ipv4").out())
        .isEqualTo("10.0.0.5\n");
    assertThat(Cli.kindling("query", "--root", root.toString(), "instance_id").out())
        .isEqualTo("i-0abc123def456\n");
    assertThat(Cli.kindling("query", "--root", root.toString(), "ssh_public_keys.my-key").out())
        .startsWith("ssh-ed25519 ");
    Cli.Run absent = Cli.kindling("query", "--root", root.toString(), "private_ipv6");
    assertThat(absent.status()).isEqualTo(1);
    assertThat(absent.err()).contains("has no private_ipv6");
    Cli.Run unknown = Cli.kindling("query", "--root", root.toString(), "password");
    assertThat(unknown.status()).isEqualTo(2);

    for (String file : new String[] {"last-run.json", "metadata.json", "instance-id"}) {
      Path p = root.resolve("var/lib/kindling/" + file);
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)))
          .as(file)
          .isEqualTo("rw-------");
      assertThat(Files.readString(p, StandardCharsets.UTF_8))
          .as(file)
          .doesNotContain("#cloud-config")
          .doesNotContain("from-user-data\n");
    }
  }

  @Test
  void status_failedRun_exit1AndSaysWhatFailed() throws IOException {
    // No core user in the root: authorizing the metadata's keys fails.
    Files.delete(root.resolve("etc/passwd"));
    assertThat(run().status()).isEqualTo(1);

    Cli.Run status = Cli.kindling("status", "--root", root.toString());
    assertThat(status.status()).isEqualTo(1);
    assertThat(status.out()).startsWith("status: error\n").contains("failed: ");
  }

  @Test
  void status_noRun_notRunExit0() {
    Cli.Run status = Cli.kindling("status", "--root", root.toString());
    assertThat(status.status()).isZero();
    assertThat(status.out()).startsWith("status: not-run\n");
    assertThat(Cli.kindling("query", "--root", root.toString(), "hostname").status()).isEqualTo(1);
  }

  @Test
  void clean_forgetsTheState_secondCleanSaysNothingToClean() throws IOException {
    assertThat(run().status()).isZero();
    assertThat(root.resolve("var/lib/kindling/instance-id")).hasContent("i-0abc123def456");

    Cli.Run clean = Cli.kindling("clean", "--root", root.toString());
    assertThat(clean.status()).isZero();
    assertThat(clean.out()).startsWith("removed ");
    assertThat(root.resolve("var/lib/kindling")).doesNotExist();
    assertThat(Cli.kindling("clean", "--root", root.toString()).out())
        .startsWith("nothing to clean");
    assertThat(Cli.kindling("status", "--root", root.toString()).out())
        .startsWith("status: not-run");
  }

  @Test
  void clean_whileARunHoldsTheLock_refusedAndNothingRemoved() throws IOException {
    assertThat(run().status()).isZero();
    Path lockFile = root.resolve("run/kindling/lock");
    try (FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock held = channel.lock();
      assertThat(held.isValid()).isTrue();
      Cli.Run clean = Cli.kindling("clean", "--root", root.toString());
      assertThat(clean.status()).isEqualTo(1);
      assertThat(clean.err()).contains("a run holds");
    }
    assertThat(root.resolve("var/lib/kindling/instance-id")).exists();
  }
}
