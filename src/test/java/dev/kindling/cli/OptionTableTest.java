package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.datasource.DatasourceType;
import dev.kindling.datasource.registry.Datasources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code run}'s direct parse ({@link OptionTable}) against picocli's parse of the model built from
 * the same table: for a large generated set of command lines (every option, every kind of value,
 * both spellings, orders, repeats, clusters, help, errors), the direct parse either declines or
 * gives every option exactly the value picocli gives it, and it declines whatever picocli refuses.
 */
class OptionTableTest {
  private static final OptionTable RUN = OptionTable.of(RunCommand.options());

  /** Values of every kind: valid, refused, option-like, empty, odd numbers, argument files. */
  private static final List<String> VALUES =
      List.of(
          "x",
          "/tmp/a b",
          "dir/user-data",
          "-",
          "",
          "-x",
          "--root",
          "-v",
          "@args",
          "a=b",
          "auto",
          "ALWAYS",
          "Never",
          "bogus",
          "0",
          "1",
          "5",
          "120",
          "010",
          "+5",
          "-5",
          "0x10",
          "1e3",
          " 5",
          "999999999999999999",
          "99999999999999999999",
          "dbus",
          "none",
          "openstack",
          "debian",
          "ec2",
          "http://127.0.0.1:1/",
          "nul\0byte");

  /** Words that are not option values: operands, the end of options, unknown options. */
  private static final List<String> OTHERS =
      List.of(
          "--",
          "operand",
          "-",
          "--unknown",
          "-x",
          "@args",
          "-qv",
          "-vq",
          "-vv",
          "-vvv",
          "-vh",
          "-qV",
          "-qq",
          "-q-",
          "--verbose=true",
          "--auto=true",
          "--auto=false",
          "--quiet=");

  @Test
  void picocliModel_hasExactlyTheTableOptions() {
    Set<String> model = new TreeSet<>();
    for (OptionSpec o : new RunCommand().spec().options()) {
      model.addAll(List.of(o.names()));
    }
    Set<String> table = new TreeSet<>();
    RUN.options().forEach(o -> table.addAll(List.of(o.names())));
    assertThat(model).isEqualTo(table);
    for (DatasourceType type : Datasources.ALL) {
      assertThat(table).contains(type.flag());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--from-file /var/lib/coreos-install/user_data",
        "--from-ec2-metadata http://169.254.169.254/",
        "--from-gce-metadata http://metadata.google.internal/",
        "--from-openstack-metadata http://169.254.169.254/ --convert-netconf openstack",
        "--from-digitalocean-metadata http://169.254.169.254/",
        "--from-configdrive /media/configdrive --convert-netconf openstack",
        "--auto --convert-netconf openstack",
        "--from-file SAMPLE --root DIR --systemd none --report FILE",
        "--from-file=SAMPLE --root=DIR --systemd=none -v",
        "--from-file - -q --timeout 5 --color never",
        "--oem ec2-compat --ignore-failure -vv",
        "--from-proc-cmdline --ssh-key-name coreos --workspace /var/lib/x",
      })
  void usualCommandLines_parsedDirectly(String line) {
    String[] args = line.split(" ");
    assertThat(RUN.parse(args)).as(line).isPresent();
    assertSame(args);
  }

  @Test
  void everyOptionWithEveryValue_sameAsPicocliOrDeclined() {
    int accepted = 0;
    for (CliOption o : RUN.options()) {
      for (String name : o.names()) {
        accepted += check(new String[] {name}) ? 1 : 0;
        for (String v : VALUES) {
          accepted += check(new String[] {name, v}) ? 1 : 0;
          accepted += check(new String[] {name + "=" + v}) ? 1 : 0;
          accepted += check(new String[] {name, v, name, v}) ? 1 : 0;
        }
      }
    }
    for (String other : OTHERS) {
      accepted += check(new String[] {other}) ? 1 : 0;
    }
    assertThat(accepted).isGreaterThan(300);
  }

  @Test
  void generatedCommandLines_sameAsPicocliOrDeclined() {
    Random random = new Random(13);
    List<String> names = new ArrayList<>();
    RUN.options().forEach(o -> names.addAll(List.of(o.names())));
    int accepted = 0;
    int lines = 4000;
    for (int n = 0; n < lines; n++) {
      List<String> args = new ArrayList<>();
      int words = random.nextInt(7);
      for (int w = 0; w < words; w++) {
        int pick = random.nextInt(10);
        if (pick == 0) {
          args.add(OTHERS.get(random.nextInt(OTHERS.size())));
          continue;
        }
        String name = names.get(random.nextInt(names.size()));
        String value = random.nextInt(3) == 0 ? VALUES.get(random.nextInt(VALUES.size())) : "v" + w;
        if (RUN.options().stream()
            .anyMatch(o -> List.of(o.names()).contains(name) && o.kind() != CliOption.Kind.VALUE)) {
          args.add(name);
        } else if (random.nextBoolean()) {
          args.add(name + "=" + value);
        } else {
          args.add(name);
          args.add(value);
        }
      }
      accepted += check(args.toArray(String[]::new)) ? 1 : 0;
    }
    assertThat(accepted).as("lines parsed directly").isGreaterThan(lines / 10);
  }

  @Test
  void commandLinesRunCannotUse_stillDecidedByProblem() {
    Optional<OptionTable.Parsed> bad = RUN.parse(new String[] {"--systemd", "bogus"});
    assertThat(bad).isPresent();
    assertThat(RunCommand.problem(bad.get()))
        .contains("Invalid value for option '--systemd': 'bogus' (expected dbus or none)");
    assertThat(RunCommand.problem(RUN.parse(new String[] {"--timeout", "0"}).orElseThrow()))
        .contains("--timeout must be a positive number");
    assertThat(RunCommand.problem(RUN.parse(new String[] {"--convert-netconf", "x"}).orElseThrow()))
        .get()
        .asString()
        .startsWith("Invalid value for option '--convert-netconf': 'x'");
    assertThat(RunCommand.problem(RUN.parse(new String[] {"--auto"}).orElseThrow())).isEmpty();
  }

  /** Checks one command line; true when the direct parse took it. */
  private static boolean check(String[] args) {
    Optional<OptionTable.Parsed> direct = RUN.parse(args);
    Optional<Map<String, Object>> picocli = picocli(args);
    if (direct.isEmpty()) {
      return false;
    }
    assertThat(picocli)
        .as("picocli refuses or helps with %s, the direct parse took it", List.of(args))
        .isPresent();
    assertThat(values(direct.get())).as(List.of(args).toString()).isEqualTo(picocli.get());
    return true;
  }

  private static void assertSame(String[] args) {
    assertThat(check(args)).isTrue();
  }

  /** picocli's values, or empty when it refuses the line or it asks for help or the version. */
  private static Optional<Map<String, Object>> picocli(String[] args) {
    CommandSpec spec = new RunCommand().spec();
    CommandLine cl = new CommandLine(spec);
    try {
      cl.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      return Optional.empty();
    }
    if (cl.isUsageHelpRequested() || cl.isVersionHelpRequested()) {
      return Optional.empty();
    }
    return Optional.of(values(CommandModels.values(spec)));
  }

  /** Every option's value (arrays by length), help and version left out. */
  private static Map<String, Object> values(OptionValues values) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (CliOption o : RUN.options()) {
      if (o.kind() == CliOption.Kind.HELP || o.kind() == CliOption.Kind.VERSION) {
        continue;
      }
      Object v = values.value(o.key());
      out.put(o.key(), v instanceof boolean[] b ? "true x" + b.length : v);
    }
    return out;
  }
}
