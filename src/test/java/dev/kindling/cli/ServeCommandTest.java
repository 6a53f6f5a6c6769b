package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.agent.ExitStatus;
import dev.kindling.metadata.MetadataJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code kindling serve}'s options and its render path. */
class ServeCommandTest {
  @Test
  void renderPlan_isWhatRenderPrints() throws Exception {
    Path userData = Path.of("samples/cloud-config/etcd2-cluster-node.yaml");
    Path metadata = Path.of("samples/metadata/ec2-node1.json");
    Cli.Run render =
        Cli.kindling(
            "render",
            "--from-file",
            userData.toString(),
            "--metadata",
            metadata.toString(),
            "--format",
            "json");
    assertThat(render.status()).isZero();
    String served =
        ServeCommand.renderPlan(
            Files.readAllBytes(userData), MetadataJson.read(Files.readAllBytes(metadata)));
    assertThat(served).isEqualTo(render.out());
  }

  @Test
  void badListen_isAUsageError() {
    for (String listen : new String[] {"8080", "127.0.0.1:", "::1:80", "127.0.0.1:70000", ":80"}) {
      Cli.Run r = Cli.kindling("serve", "--listen", listen);
      assertThat(r.status()).as(listen).isEqualTo(ExitStatus.USAGE);
      assertThat(r.err()).as(listen).contains("--listen");
    }
  }
}
