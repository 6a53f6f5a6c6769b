package dev.kindling;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package boundaries written in each package-info.java ("May depend on" / "Must not"). */
class LayeringTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.kindling");
  }

  private static final String K = "dev.kindling.";

  private static void forbid(String pkg, String... forbidden) {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage(pkg)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(forbidden)
            .allowEmptyShould(true);
    rule.check(classes);
  }

  @Test
  void configYaml_dependsOnNothingElseOfOurs() {
    forbid(K + "config.yaml..", others(K + "config.yaml.."));
  }

  @Test
  void config_dependsOnlyOnItsYamlLayer() {
    forbid(
        K + "config..",
        K + "userdata..",
        K + "metadata..",
        K + "validate..",
        K + "datasource..",
        K + "plan..",
        K + "apply..",
        K + "cli..");
  }

  @Test
  void value_dependsOnNothingOfOurs() {
    forbid(K + "value..", others(K + "value.."));
  }

  @Test
  void userdataAndMetadata_standAlone() {
    forbid(K + "userdata..", others(K + "userdata.."));
    forbid(K + "metadata..", others(K + "metadata.."));
  }

  @Test
  void validate_doesNotReachIntoRuntime() {
    forbid(K + "validate..", K + "datasource..", K + "plan..", K + "apply..", K + "cli..");
  }

  @Test
  void datasource_knowsNothingOfConfigOrPlan() {
    forbid(
        K + "datasource..",
        K + "config..",
        K + "validate..",
        K + "plan..",
        K + "apply..",
        K + "cli..");
    forbid(K + "datasource.http..", others(K + "datasource.http.."));
  }

  @Test
  void plan_isPure() {
    forbid(K + "plan..", K + "validate..", K + "datasource..", K + "apply..", K + "cli..");
    noClasses()
        .that()
        .resideInAPackage(K + "plan..")
        .should()
        .callMethodWhere(
            com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
                com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                    com.tngtech.archunit.base.DescribedPredicate.describe(
                        "java.nio.file.Files", o -> o.getName().equals("java.nio.file.Files")))))
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void planNetconf_standsAlone() {
    forbid(K + "plan.netconf..", others(K + "plan.netconf.."));
  }

  @Test
  void apply_doesNotReadConfigOrSources() {
    forbid(K + "apply..", K + "config..", K + "validate..", K + "datasource..", K + "cli..");
    forbid(K + "apply.systemd..", others(K + "apply.systemd.."));
  }

  @Test
  void libraries_stayInTheirPackage() {
    onlyIn("org.yaml.snakeyaml..", K + "config.yaml..");
    onlyIn("okhttp3..", K + "datasource.http..");
    onlyIn("org.freedesktop.dbus..", K + "apply.systemd..");
  }

  @Test
  void noCycles() {
    SlicesRuleDefinition.slices()
        .matching("dev.kindling.(*)..")
        .should()
        .beFreeOfCycles()
        .allowEmptyShould(true)
        .check(classes);
  }

  private static void onlyIn(String library, String allowed) {
    noClasses()
        .that()
        .resideOutsideOfPackage(allowed)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(library)
        .allowEmptyShould(true)
        .check(classes);
  }

  private static final List<String> PACKAGES =
      List.of(
          "config",
          "config.yaml",
          "config.bind",
          "userdata",
          "metadata",
          "validate",
          "analysis",
          "analysis.rules",
          "datasource",
          "datasource.http",
          "plan",
          "plan.netconf",
          "apply",
          "apply.systemd",
          "cli",
          "value");

  /** Every one of our packages (exact names) except {@code self} and those below it. */
  private static String[] others(String self) {
    String base = self.replace("..", "");
    return PACKAGES.stream()
        .map(p -> K + p)
        .filter(p -> !p.equals(base) && !p.startsWith(base + "."))
        .toArray(String[]::new);
  }

  @Test
  void everyPackageIsDeclaredHere() {
    for (var c : classes) {
      String pkg = c.getPackageName();
      if (!pkg.equals("dev.kindling")) {
        org.assertj.core.api.Assertions.assertThat(PACKAGES)
            .as("package %s needs its rules in LayeringTest", pkg)
            .contains(pkg.substring(K.length()));
      }
    }
  }
}
