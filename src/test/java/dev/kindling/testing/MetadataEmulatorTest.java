package dev.kindling.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kindling.datasource.http.Backoff;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.datasource.http.MetadataHttpException;
import dev.kindling.datasource.http.MetadataRequest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The emulator's own protocol rules, which the datasource tests rely on. */
@Timeout(30)
class MetadataEmulatorTest {
  private static final Duration BUDGET = Duration.ofSeconds(10);
  private final MetadataClient client =
      MetadataClient.builder().backoff(Backoff.none().withMaxAttempts(1)).build();
  private MetadataEmulator imds;

  @AfterEach
  void stop() {
    client.close();
    if (imds != null) {
      imds.close();
    }
  }

  private int status(MetadataRequest r) {
    return assertThrows(MetadataHttpException.class, () -> client.send(r, BUDGET))
        .status()
        .orElse(0);
  }

  @Test
  void ec2_tokenRules_asAwsDocumentsThem() throws Exception {
    imds =
        MetadataEmulator.start(
            MetadataEmulator.Flavor.EC2, Path.of("src/test/resources/datasource/ec2/basic"));
    URI token = imds.baseUri().resolve("latest/api/token");
    URI id = imds.baseUri().resolve("latest/meta-data/instance-id");
    String ttl = "X-aws-ec2-metadata-token-ttl-seconds";
    assertThat(status(MetadataRequest.put(token))).isEqualTo(400);
    assertThat(status(MetadataRequest.put(token).header(ttl, "0"))).isEqualTo(400);
    assertThat(status(MetadataRequest.put(token).header(ttl, "21601"))).isEqualTo(400);
    assertThat(
            status(
                MetadataRequest.put(token).header(ttl, "60").header("X-Forwarded-For", "1.2.3.4")))
        .isEqualTo(403);
    assertThat(status(MetadataRequest.get(token))).isEqualTo(405);
    assertThat(status(MetadataRequest.get(id))).isEqualTo(401);
    assertThat(status(MetadataRequest.get(id).header("X-aws-ec2-metadata-token", "forged")))
        .isEqualTo(401);
    String t =
        new String(
            client.send(MetadataRequest.put(token).header(ttl, "60"), BUDGET).orElseThrow(),
            StandardCharsets.UTF_8);
    MetadataRequest withToken = MetadataRequest.get(id).header("X-aws-ec2-metadata-token", t);
    assertThat(client.send(withToken, BUDGET)).isPresent();
    imds.fault("/latest/meta-data/instance-id", Fault.expireTokens().times(1));
    assertThat(status(withToken)).isEqualTo(401);
    imds.allowImdsV1(true);
    assertThat(client.send(MetadataRequest.get(id), BUDGET)).isPresent();
  }

  @Test
  void gce_flavorHeaderRequiredAndReturned() throws Exception {
    imds =
        MetadataEmulator.start(
            MetadataEmulator.Flavor.GCE, Path.of("src/test/resources/datasource/gce/basic"));
    URI host = imds.baseUri().resolve("computeMetadata/v1/instance/hostname");
    assertThat(status(MetadataRequest.get(host))).isEqualTo(403);
    assertThat(
            client.send(
                MetadataRequest.get(host)
                    .header("Metadata-Flavor", "Google")
                    .requireResponseHeader("Metadata-Flavor", "Google"),
                BUDGET))
        .isPresent();
  }

  @Test
  void main_standalone_printsThePortAndServesUntilKilled() throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                MetadataEmulator.class.getName(),
                "0",
                "digitalocean",
                "src/test/resources/datasource/digitalocean/basic")
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader r =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      int port = Integer.parseInt(r.readLine().strip());
      URI json = URI.create("http://127.0.0.1:" + port + "/metadata/v1.json");
      assertThat(new String(client.get(json, BUDGET).orElseThrow(), StandardCharsets.UTF_8))
          .contains("sample-droplet");
    } finally {
      p.destroy();
      p.waitFor();
    }
  }
}
