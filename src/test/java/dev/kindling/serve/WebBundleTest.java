package dev.kindling.serve;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The page in the jar's resources is the build of {@code web/}: app.js's banner carries the SHA-256
 * of every input of {@code web/build.mjs}, hashed here the same way, so changing a source without
 * running {@code npm run build} fails the build even where Node.js is absent. ({@code npm run
 * check}, run by scripts/test-all.sh, rebuilds and compares the files byte for byte.)
 */
class WebBundleTest {
  private static final Path WEB = Path.of("web");
  private static final Path OUT = Path.of("src/main/resources/dev/kindling/serve/web");

  /** The inputs, in the order build.mjs hashes them. */
  private static final List<String> INPUTS =
      List.of(
          "build.mjs",
          "package.json",
          "package-lock.json",
          "src/app.css",
          "src/app.js",
          "src/favicon.svg",
          "src/index.html");

  @Test
  void bundleBanner_matchesTheSources() throws Exception {
    String bundle = Files.readString(OUT.resolve("app.js"), UTF_8);
    Matcher m = Pattern.compile("sources-sha256: ([0-9a-f]{64})").matcher(bundle);
    assertThat(m.find()).as("app.js starts with the sources banner").isTrue();
    assertThat(m.start()).isLessThan(60);
    assertThat(m.group(1))
        .as("web/ changed since the page was built: run (cd web && npm ci && npm run build)")
        .isEqualTo(sourcesHash());
  }

  @Test
  void copiedFiles_areTheSources() throws IOException {
    for (String name : List.of("index.html", "favicon.svg")) {
      assertThat(Files.readString(OUT.resolve(name)))
          .isEqualTo(Files.readString(WEB.resolve("src").resolve(name)));
    }
  }

  @Test
  void buildScript_hashesTheInputsListedHere() throws IOException {
    String script = Files.readString(WEB.resolve("build.mjs"));
    for (String input : INPUTS) {
      assertThat(script).contains("'" + input + "'");
    }
    try (var files = Files.list(WEB.resolve("src"))) {
      assertThat(files.map(p -> "src/" + p.getFileName()).sorted().toList())
          .as("every source file is an input of the hash")
          .isSubsetOf(INPUTS);
    }
  }

  @Test
  void lockfile_namesNoRegistryHost() throws IOException {
    assertThat(Files.readString(WEB.resolve("package-lock.json")))
        .doesNotContain("\"resolved\"")
        .doesNotContain("https://");
  }

  private static String sourcesHash() throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    for (String input : INPUTS) {
      sha.update(input.getBytes(UTF_8));
      sha.update((byte) 0);
      sha.update(Files.readAllBytes(WEB.resolve(input)));
      sha.update((byte) 0);
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
