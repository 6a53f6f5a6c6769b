package dev.kindling;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package boundaries, generated from the allow-lists in each package's {@code
 * package-info.java}: a sentence {@code May use: A, B.C, D.*; libraries: Jackson, slf4j.} names the
 * packages of ours (relative to {@code dev.kindling}; {@code D.*} is every package below D) and the
 * libraries a package may depend on; the JDK is always allowed. A new package only needs its
 * package-info. The declared graph must be free of cycles, so the flow only goes one way.
 */
class LayeringTest {
  private static final String K = "dev.kindling.";
  private static final Path SOURCES = Path.of("src/main/java/dev/kindling");
  private static final Pattern MAY_USE = Pattern.compile("May use:(.*?)(?:<p>|$)", Pattern.DOTALL);

  /** Library names a package-info may use, by the package prefixes they stand for. */
  private static final Map<String, List<String>> LIBRARIES =
      Map.of(
          "Jackson", List.of("com.fasterxml.jackson."),
          "SnakeYAML", List.of("org.yaml.snakeyaml."),
          "OkHttp", List.of("okhttp3.", "okio.", "kotlin."),
          "dbus-java", List.of("org.freedesktop.dbus."),
          "picocli", List.of("picocli."),
          "slf4j", List.of("org.slf4j."));

  private static final List<String> JDK =
      List.of("java.", "javax.", "jdk.", "com.sun.", "sun.", "org.w3c.", "org.xml.");

  private static JavaClasses classes;
  private static Map<String, Allowed> declared;

  /** What one package may use. */
  private record Allowed(Set<String> packages, Set<String> wildcards, List<String> libraries) {
    boolean permitsPackage(String self, String other) {
      if (other.equals(self) || packages.contains(other)) {
        return true;
      }
      return wildcards.stream().anyMatch(w -> other.startsWith(K + w + "."));
    }

    boolean permitsLibrary(String type) {
      return JDK.stream().anyMatch(type::startsWith)
          || libraries.stream().anyMatch(type::startsWith);
    }
  }

  @BeforeAll
  static void load() throws IOException {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.kindling");
    declared = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path p : files.filter(f -> f.endsWith("package-info.java")).toList()) {
        String pkg = K + SOURCES.relativize(p.getParent()).toString().replace('/', '.');
        declared.put(pkg, parse(pkg, Files.readString(p)));
      }
    }
  }

  /** The allow-list of a package-info's javadoc. */
  private static Allowed parse(String pkg, String source) {
    int open = source.indexOf("/**");
    int close = source.indexOf("*/", open);
    assertThat(open).as("%s: package-info.java has a javadoc comment", pkg).isNotNegative();
    String text =
        source.substring(open + 3, close).replaceAll("(?m)^\\s*\\*", " ").replaceAll("\\s+", " ");
    Matcher m = MAY_USE.matcher(text);
    assertThat(m.find()).as("%s: package-info.java says \"May use: ...\"", pkg).isTrue();
    String clause = m.group(1).trim();
    clause = clause.endsWith(".") ? clause.substring(0, clause.length() - 1) : clause;
    String[] parts = clause.split(";", -1);
    Set<String> packages = new TreeSet<>();
    Set<String> wildcards = new TreeSet<>();
    for (String token : parts[0].split(",", -1)) {
      String t = token.trim();
      if (t.equals("nothing of ours")) {
        continue;
      }
      assertThat(t)
          .as("%s: a package name in \"May use\"", pkg)
          .matches("[a-z][a-z0-9.]*(\\.\\*)?");
      if (t.endsWith(".*")) {
        wildcards.add(t.substring(0, t.length() - 2));
      } else {
        packages.add(K + t);
      }
    }
    List<String> libraries = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].trim();
      assertThat(part).as("%s: after ';' comes \"libraries: ...\"", pkg).startsWith("libraries:");
      for (String token : part.substring("libraries:".length()).split(",", -1)) {
        String name = token.trim();
        List<String> prefixes = LIBRARIES.get(name);
        if (prefixes == null) {
          assertThat(name)
              .as("%s: library %s is a known name %s or a package prefix", pkg, name, LIBRARIES)
              .matches("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+");
          prefixes = List.of(name + ".");
        }
        libraries.addAll(prefixes);
      }
    }
    return new Allowed(packages, wildcards, libraries);
  }

  @Test
  void everyPackage_hasAnAllowList() {
    Set<String> missing = new TreeSet<>();
    for (JavaClass c : classes) {
      String pkg = c.getPackageName();
      if (pkg.startsWith(K) && !declared.containsKey(pkg)) {
        missing.add(pkg);
      }
    }
    assertThat(missing).as("packages without a package-info.java allow-list").isEmpty();
  }

  @Test
  void allowLists_nameExistingPackages() {
    Set<String> unknown = new TreeSet<>();
    declared.forEach(
        (pkg, allowed) ->
            allowed.packages().stream()
                .filter(p -> !declared.containsKey(p))
                .forEach(p -> unknown.add(pkg + " -> " + p)));
    assertThat(unknown).as("allow-list entries naming no package").isEmpty();
  }

  @Test
  void everyDependency_isAllowed() {
    Set<String> violations = new TreeSet<>();
    for (JavaClass c : classes) {
      String pkg = c.getPackageName();
      Allowed allowed = declared.get(pkg);
      if (allowed == null) {
        continue; // reported by everyPackage_hasAnAllowList
      }
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        JavaClass target = d.getTargetClass();
        if (target.isPrimitive() || target.isArray()) {
          target = target.getBaseComponentType();
          if (target.isPrimitive()) {
            continue;
          }
        }
        String type = target.getName();
        String targetPkg = target.getPackageName();
        boolean ok =
            (targetPkg.startsWith(K) || targetPkg.equals("dev.kindling"))
                ? allowed.permitsPackage(pkg, targetPkg)
                : allowed.permitsLibrary(type);
        if (!ok) {
          violations.add(
              pkg
                  + " -> "
                  + (targetPkg.startsWith(K) ? targetPkg : type)
                  + "  ("
                  + c.getName()
                  + ")");
        }
      }
    }
    assertThat(violations)
        .as("dependencies not in the package's \"May use\" list (package-info.java)")
        .isEmpty();
  }

  @Test
  void declaredGraph_hasNoCycles() {
    Map<String, Set<String>> edges = new TreeMap<>();
    declared.forEach(
        (pkg, allowed) -> {
          Set<String> out = new TreeSet<>(allowed.packages());
          for (String other : declared.keySet()) {
            if (!other.equals(pkg) && allowed.permitsPackage(pkg, other)) {
              out.add(other);
            }
          }
          out.remove(pkg);
          edges.put(pkg, out);
        });
    Set<String> done = new HashSet<>();
    for (String start : edges.keySet()) {
      List<String> cycle = findCycle(start, edges, new ArrayList<>(), done);
      assertThat(cycle).as("a cycle in the declared allow-lists").isEmpty();
    }
  }

  private static List<String> findCycle(
      String node, Map<String, Set<String>> edges, List<String> path, Set<String> done) {
    int at = path.indexOf(node);
    if (at >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(at, path.size()));
      cycle.add(node);
      return cycle;
    }
    if (done.contains(node)) {
      return List.of();
    }
    path.add(node);
    for (String next : edges.getOrDefault(node, Set.of())) {
      List<String> cycle = findCycle(next, edges, path, done);
      if (!cycle.isEmpty()) {
        return cycle;
      }
    }
    path.remove(path.size() - 1);
    done.add(node);
    return List.of();
  }

  @Test
  void plan_isPure() {
    ArchRuleDefinition.noClasses()
        .that()
        .resideInAPackage(K + "plan..")
        .should()
        .callMethodWhere(
            JavaCall.Predicates.target(
                HasOwner.Predicates.With.owner(
                    DescribedPredicate.describe(
                        "java.nio.file.Files", o -> o.getName().equals("java.nio.file.Files")))))
        .allowEmptyShould(true)
        .check(classes);
  }
}
