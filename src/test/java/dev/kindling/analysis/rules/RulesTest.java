package dev.kindling.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RulesTest {
  @Test
  void all_containsEveryRuleOfThePackageOnce() throws Exception {
    List<Class<?>> classes = Rules.all().stream().<Class<?>>map(Object::getClass).toList();
    assertThat(classes).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(declared());
  }

  /** Every concrete class of this package (as compiled) that implements {@link Rule}. */
  private static List<Class<?>> declared()
      throws IOException, URISyntaxException, ClassNotFoundException {
    Path dir = Path.of(Rule.class.getResource("Rule.class").toURI()).getParent();
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".class") || name.contains("$")) {
          continue;
        }
        Class<?> c = Class.forName(Rule.class.getPackageName() + "." + name.replace(".class", ""));
        if (Rule.class.isAssignableFrom(c) && !c.isInterface()) {
          out.add(c);
        }
      }
    }
    assertThat(out).hasSizeGreaterThan(10);
    return out;
  }
}
