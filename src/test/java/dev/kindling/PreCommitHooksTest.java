package dev.kindling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The pre-commit hook manifest: the kindling-validate hook, its script and the files it takes. */
class PreCommitHooksTest {
  @Test
  void kindlingValidate_runsTheScriptOnCloudConfigFileNames() throws IOException {
    List<Map<String, Object>> hooks =
        new Yaml().load(Files.readString(Path.of(".pre-commit-hooks.yaml")));
    Map<String, Object> hook =
        hooks.stream()
            .filter(h -> "kindling-validate".equals(h.get("id")))
            .findFirst()
            .orElseThrow();
    assertThat(hook.get("language")).isEqualTo("script");
    Path script = Path.of((String) hook.get("entry"));
    assertThat(script).exists().isExecutable();
    Pattern files = Pattern.compile((String) hook.get("files"));
    for (String name :
        List.of(
            "user-data",
            "user_data",
            "nodes/a/user-data",
            "n1.cloud-config",
            "x.cloud-config.yml")) {
      assertThat(files.matcher(name).find()).as(name).isTrue();
    }
    for (String name :
        List.of("compose.yaml", "user-data.bak", "my-user-data.txt", ".github/ci.yml")) {
      assertThat(files.matcher(name).find()).as(name).isFalse();
    }
  }
}
