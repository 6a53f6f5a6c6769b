package dev.kindling.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.kindling.apply.Applier;
import dev.kindling.apply.ApplyMode;
import dev.kindling.apply.ApplyResult;
import dev.kindling.apply.OwnerPolicy;
import dev.kindling.apply.RecordingProcessRunner;
import dev.kindling.apply.RootFs;
import dev.kindling.apply.StepStatus;
import dev.kindling.apply.systemd.RecordingSystemdManager;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.plan.ImportSshKeys;
import dev.kindling.plan.Plan;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key fetcher of coreos_ssh_import_* against a real HTTP server on 127.0.0.1. */
class HttpSshKeyFetcherIT {
  private HttpServer server;
  private String base;

  @TempDir Path tmp;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    serve(
        "/users/octo/keys",
        200,
        "[{\"id\":1,\"key\":\"ssh-ed25519 AAAAone\"}," + "{\"id\":2,\"key\":\"ssh-rsa AAAAtwo\"}]");
    serve("/missing", 404, "Not Found");
    serve("/garbage", 200, "{\"key\": 1}");
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void serve(String path, int status, String body) {
    server.createContext(
        path,
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void fetch_githubKeyList_keysInOrder() throws Exception {
    assertThat(
            new HttpSshKeyFetcher(() -> MetadataClient.builder().build(), Duration.ofSeconds(5))
                .fetch(base + "/users/octo/keys"))
        .containsExactly("ssh-ed25519 AAAAone", "ssh-rsa AAAAtwo");
  }

  @Test
  void fetch_notFoundOrNotAList_fails() {
    HttpSshKeyFetcher fetcher =
        new HttpSshKeyFetcher(() -> MetadataClient.builder().build(), Duration.ofSeconds(5));

    assertThatThrownBy(() -> fetcher.fetch(base + "/missing")).hasMessageContaining("HTTP 404");
    assertThatThrownBy(() -> fetcher.fetch(base + "/garbage"))
        .hasMessageContaining("not a JSON array");
    assertThatThrownBy(() -> fetcher.fetch("ftp://127.0.0.1/x"))
        .hasMessageContaining("does not have a valid HTTP scheme");
  }

  @Test
  void importSshKeys_throughTheFetcher_installedAsTheNamedFragment() throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Files.writeString(
        Files.createDirectories(root.resolve("etc")).resolve("passwd"),
        "core:x:500:500::/home/core:/bin/bash\n");
    RootFs fs = new RootFs(root, OwnerPolicy.RECORD);
    RecordingSystemdManager systemd = new RecordingSystemdManager();
    Applier applier =
        new Applier(
            fs,
            systemd,
            new RecordingProcessRunner(),
            Optional.of(
                new HttpSshKeyFetcher(
                    () -> MetadataClient.builder().build(), Duration.ofSeconds(5))),
            Applier.Settings.of(fs, ApplyMode.RECORD, ApplyMode.RECORD));

    ApplyResult r =
        applier.apply(
            new Plan(List.of(new ImportSshKeys("core", "github-octo", base + "/users/octo/keys"))));

    assertThat(r.steps().get(0).outcome().status()).isEqualTo(StepStatus.OK);
    assertThat(root.resolve("home/core/.ssh/authorized_keys.d/github-octo"))
        .hasContent("ssh-ed25519 AAAAone\nssh-rsa AAAAtwo");
  }
}
