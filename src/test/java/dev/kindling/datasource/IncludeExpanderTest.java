package dev.kindling.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.kindling.datasource.http.Backoff;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.userdata.UserData;
import dev.kindling.value.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** #include resolved against a loopback HTTP server: order, nesting, pins, redirects, limits. */
class IncludeExpanderTest {
  private HttpServer server;
  private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
  private final Map<String, String> redirects = new ConcurrentHashMap<>();
  private final MetadataClient client =
      MetadataClient.builder()
          .backoff(Backoff.none())
          .attemptTimeout(Duration.ofSeconds(2))
          .bodyLimit(64 * 1024)
          .build();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          String to = redirects.get(path);
          byte[] body = bodies.get(path);
          if (to != null) {
            exchange.getResponseHeaders().add("Location", to);
            exchange.sendResponseHeaders(302, -1);
          } else if (body == null) {
            exchange.sendResponseHeaders(404, -1);
          } else {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    client.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private void serve(String path, String body) {
    bodies.put(path, body.getBytes(StandardCharsets.UTF_8));
  }

  private UserData expand(String userData) throws Exception {
    byte[] out =
        IncludeExpander.expand(
            userData.getBytes(StandardCharsets.UTF_8), client, Deadline.in(Duration.ofSeconds(10)));
    return UserData.classify(out);
  }

  @Test
  void expand_noInclude_unchanged() throws Exception {
    byte[] raw = "#cloud-config\nhostname: a\n".getBytes(StandardCharsets.UTF_8);
    assertThat(IncludeExpander.expand(raw, client, Deadline.in(Duration.ofSeconds(1))))
        .isSameAs(raw);
  }

  @Test
  void expand_urlsInOrder_nestedIncludeGzipAndScript() throws Exception {
    serve("/a.yaml", "#cloud-config\nhostname: a\n");
    serve("/nested", "#include\n" + url("/b.sh") + "\n");
    serve("/b.sh", "#!/bin/sh\necho b\n");
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write("#cloud-config\nruncmd: [c]\n".getBytes(StandardCharsets.UTF_8));
    }
    bodies.put("/c.gz", gz.toByteArray());
    String sha = Sha256.hex(bodies.get("/a.yaml"));

    UserData data =
        expand(
            "#include\n"
                + url("/a.yaml")
                + " sha256="
                + sha
                + "\n"
                + url("/nested")
                + "\n"
                + url("/c.gz")
                + "\n");

    assertThat(data.kind()).isEqualTo(UserData.Kind.MULTIPART);
    assertThat(data.parts())
        .extracting(p -> p.contentType() + " " + p.content().text())
        .containsExactly(
            "text/cloud-config #cloud-config\nhostname: a\n",
            "text/x-shellscript #!/bin/sh\necho b\n",
            "text/cloud-config #cloud-config\nruncmd: [c]\n");
  }

  @Test
  void expand_pinMismatch_refusedWithBothDigests() {
    serve("/a.yaml", "#cloud-config\nhostname: evil\n");
    String pin = "0".repeat(64);
    assertThatThrownBy(() -> expand("#include\n" + url("/a.yaml") + " sha256=" + pin + "\n"))
        .isInstanceOf(DatasourceException.class)
        .hasMessageContaining("content refused")
        .hasMessageContaining("is not the pinned " + pin);
  }

  @Test
  void expand_tooDeep_refused() {
    serve("/d2", "#include\n" + url("/d3") + "\n");
    serve("/d3", "#include\n" + url("/d4") + "\n");
    serve("/d4", "#include\n" + url("/leaf") + "\n");
    serve("/leaf", "#cloud-config\n");
    assertThatThrownBy(() -> expand("#include\n" + url("/d2") + "\n"))
        .isInstanceOf(DatasourceException.class)
        .hasMessageContaining("nested deeper than 3 levels");
  }

  @Test
  void expand_redirectSameSchemeFollowed_otherSchemeRefused_loopsLimited() throws Exception {
    serve("/real", "#cloud-config\nhostname: r\n");
    redirects.put("/moved", "/real");
    assertThat(expand("#include\n" + url("/moved") + "\n").parts()).hasSize(1);

    redirects.put("/tls", "https://127.0.0.1:1/real");
    assertThatThrownBy(() -> expand("#include\n" + url("/tls") + "\n"))
        .hasMessageContaining("redirect from http to https refused");

    redirects.put("/loop", "/loop");
    assertThatThrownBy(() -> expand("#include\n" + url("/loop") + "\n"))
        .hasMessageContaining("more than 3 redirects");
  }

  @Test
  void expand_notFoundOrTooLarge_failsNamingTheUrl() {
    assertThatThrownBy(() -> expand("#include\n" + url("/missing") + "\n"))
        .hasMessageContaining("/missing: not found");
    bodies.put("/big", new byte[100 * 1024]);
    assertThatThrownBy(() -> expand("#include\n" + url("/big") + "\n"))
        .hasMessageContaining("larger than the limit");
  }

  @Test
  void expand_includePartOfAMultipart_keepsTheOtherPartsInPlace() throws Exception {
    serve("/inc.yaml", "#cloud-config\nhostname: inc\n");
    String mime =
        "Content-Type: multipart/mixed; boundary=B\n\n"
            + "--B\nContent-Type: text/cloud-config\n\nhostname: first\n"
            + "--B\nContent-Type: text/x-include-url\n\n"
            + url("/inc.yaml")
            + "\n"
            + "--B\nContent-Type: text/x-shellscript-per-instance\n\n#!/bin/sh\necho last\n"
            + "--B--\n";

    UserData data = expand(mime);

    assertThat(data.parts())
        .extracting(UserData.Part::contentType)
        .containsExactlyElementsOf(
            List.of("text/cloud-config", "text/cloud-config", "text/x-shellscript-per-instance"));
    assertThat(data.parts().get(1).content().text()).contains("hostname: inc");
  }

  @Test
  void expand_badLine_refusedBeforeFetching() {
    assertThatThrownBy(() -> expand("#include\nftp://x.example/a\n"))
        .hasMessageContaining("#include line 2: not an http:// or https:// URL");
  }
}
