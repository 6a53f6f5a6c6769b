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
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The direct parse of {@code run} and {@code validate} ({@link OptionTable}) against picocli's
 * parse of the model built from the same table: for a large generated set of command lines (every
 * option, every kind of value, both spellings, orders, repeats, clusters, operands, help, errors),
 * the direct parse either declines or gives every option (and operand) exactly the value picocli
 * gives it, and it declines whatever picocli refuses.
 */
class OptionTableTest {
  /** A command under test: its table and a fresh picocli model of it. */
  private record Command(
      String name, OptionTable table, Supplier<CommandSpec> model, boolean operands) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final Command RUN =
      new Command(
          "run", OptionTable.of(RunCommand.options()), () -> new RunCommand().spec(), false);
  private static final Command VALIDATE =
      new Command(
          "validate",
          OptionTable.withOperands(ValidateCommand.options()),
          () -> new ValidateCommand().spec(),
          true);

  static List<Command> commands() {
    return List.of(RUN, VALIDATE);
  }

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

  @ParameterizedTest
  @MethodSource("commands")
  void picocliModel_hasExactlyTheTableOptions(Command command) {
    Set<String> model = new TreeSet<>();
    for (OptionSpec o : command.model().get().options()) {
      model.addAll(List.of(o.names()));
    }
    Set<String> table = new TreeSet<>();
    command.table().options().forEach(o -> table.addAll(List.of(o.names())));
    assertThat(model).isEqualTo(table);
  }

  @Test
  void runTable_hasEveryRegisteredDatasource() {
    Set<String> table = new TreeSet<>();
    RUN.table().options().forEach(o -> table.addAll(List.of(o.names())));
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
  void usualRunCommandLines_parsedDirectly(String line) {
    assertThat(check(RUN, line.split(" "))).as(line).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a.yaml",
        "a.yaml b.yaml dir",
        "-",
        "--strict a.yaml",
        "a.yaml --strict",
        "--format json a.yaml",
        "--format=sarif a.yaml",
        "--format JSON a.yaml",
        "--format text --strict --metadata md.json a.yaml -",
        "--metadata=md.json a.yaml",
        "-- --strict a.yaml",
        "a.yaml -- -",
        "--strict -- --format",
        "x=y.yaml",
        "-q a.yaml",
        "--color never -v a.yaml",
        "--exclude vendor/** --exclude *.tmpl.yaml dir",
      })
  void usualValidateCommandLines_parsedDirectly(String line) {
    assertThat(check(VALIDATE, line.split(" "))).as(line).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "--help",
        "-h a.yaml",
        "--version",
        "--strict",
        "--format yaml a.yaml",
        "--format",
        "--format= a.yaml",
        "--format json --format text a.yaml",
        "--strict --strict a.yaml",
        "--metadata a.yaml",
        "--metadata= a.yaml",
        "--metadata --strict a.yaml",
        "--unknown a.yaml",
        "-x a.yaml",
        "@args.txt",
        "--metadata @md a.yaml",
        "--strict=true a.yaml",
        "a.yaml -- @args.txt",
      })
  void otherValidateCommandLines_declined(String line) {
    String[] args = line.isEmpty() ? new String[0] : line.split(" ", -1);
    assertThat(VALIDATE.table().parse(args)).as("left to picocli: %s", line).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyOptionWithEveryValue_sameAsPicocliOrDeclined(Command command) {
    int accepted = 0;
    List<String> tail = command.operands() ? List.of("a.yaml") : List.of();
    for (CliOption o : command.table().options()) {
      for (String name : o.names()) {
        for (List<String> line :
            List.of(List.of(name), List.of(name, "x", name, "y"), List.of(name, "x", "--", "y"))) {
          accepted += check(command, line, tail) ? 1 : 0;
        }
        for (String v : VALUES) {
          accepted += check(command, List.of(name, v), tail) ? 1 : 0;
          accepted += check(command, List.of(name + "=" + v), tail) ? 1 : 0;
          accepted += check(command, List.of(name, v, name, v), tail) ? 1 : 0;
          accepted += check(command, List.of(name, v, name + "=" + v), tail) ? 1 : 0;
        }
      }
    }
    for (String other : OTHERS) {
      accepted += check(command, List.of(other), tail) ? 1 : 0;
      accepted += check(command, List.of(other, other), tail) ? 1 : 0;
    }
    assertThat(accepted).isGreaterThan(200);
  }

  @ParameterizedTest
  @MethodSource("commands")
  void generatedCommandLines_sameAsPicocliOrDeclined(Command command) {
    Random random = new Random(13);
    List<String> names = new ArrayList<>();
    command.table().options().forEach(o -> names.addAll(List.of(o.names())));
    int accepted = 0;
    int lines = 4000;
    for (int n = 0; n < lines; n++) {
      List<String> args = new ArrayList<>();
      int words = random.nextInt(7);
      for (int w = 0; w < words; w++) {
        int pick = random.nextInt(10);
        if (pick == 1 && command.operands()) {
          args.add(VALUES.get(random.nextInt(VALUES.size())));
          continue;
        }
        if (pick == 2 && command.operands()) {
          args.add("file" + w + ".yaml");
          continue;
        }
        if (pick == 0) {
          args.add(OTHERS.get(random.nextInt(OTHERS.size())));
          continue;
        }
        String name = names.get(random.nextInt(names.size()));
        String value = random.nextInt(3) == 0 ? VALUES.get(random.nextInt(VALUES.size())) : "v" + w;
        boolean flag =
            command.table().options().stream()
                .anyMatch(
                    o ->
                        List.of(o.names()).contains(name)
                            && o.kind() != CliOption.Kind.VALUE
                            && o.kind() != CliOption.Kind.LIST);
        if (flag) {
          args.add(name);
        } else if (random.nextBoolean()) {
          args.add(name + "=" + value);
        } else {
          args.add(name);
          args.add(value);
        }
      }
      List<String> tail =
          command.operands() && random.nextBoolean() ? List.of("last.yaml") : List.<String>of();
      accepted += check(command, args, tail) ? 1 : 0;
    }
    assertThat(accepted).as("lines parsed directly").isGreaterThan(lines / 10);
  }

  @Test
  void commandLinesRunCannotUse_stillDecidedByProblem() {
    OptionTable run = RUN.table();
    Optional<OptionTable.Parsed> bad = run.parse(new String[] {"--systemd", "bogus"});
    assertThat(bad).isPresent();
    assertThat(RunCommand.problem(bad.get()))
        .contains("Invalid value for option '--systemd': 'bogus' (expected dbus or none)");
    assertThat(RunCommand.problem(run.parse(new String[] {"--timeout", "0"}).orElseThrow()))
        .contains("--timeout must be a positive number");
    assertThat(RunCommand.problem(run.parse(new String[] {"--convert-netconf", "x"}).orElseThrow()))
        .get()
        .asString()
        .startsWith("Invalid value for option '--convert-netconf': 'x'");
    assertThat(RunCommand.problem(run.parse(new String[] {"--auto"}).orElseThrow())).isEmpty();
  }

  private static boolean check(Command command, List<String> line, List<String> tail) {
    List<String> args = new ArrayList<>(line);
    args.addAll(tail);
    return check(command, args.toArray(String[]::new));
  }

  /** Checks one command line; true when the direct parse took it. */
  private static boolean check(Command command, String[] args) {
    Optional<OptionTable.Parsed> direct = command.table().parse(args);
    Optional<Map<String, Object>> picocli = picocli(command, args);
    if (direct.isEmpty()) {
      return false;
    }
    assertThat(picocli)
        .as("picocli refuses or helps with %s %s, the direct parse took it", command, List.of(args))
        .isPresent();
    assertThat(values(command, direct.get(), direct.get().operands()))
        .as("%s %s", command, List.of(args))
        .isEqualTo(picocli.get());
    return true;
  }

  /** picocli's values, or empty when it refuses the line or it asks for help or the version. */
  private static Optional<Map<String, Object>> picocli(Command command, String[] args) {
    CommandSpec spec = command.model().get();
    CommandLine cl = new CommandLine(spec);
    try {
      cl.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      return Optional.empty();
    }
    if (cl.isUsageHelpRequested() || cl.isVersionHelpRequested()) {
      return Optional.empty();
    }
    List<String> operands =
        spec.positionalParameters().isEmpty()
            ? List.of()
            : spec.positionalParameters().get(0).getValue();
    return Optional.of(values(command, CommandModels.values(spec), operands));
  }

  /** Every option's value (arrays by length), help and version left out, and the operands. */
  private static Map<String, Object> values(
      Command command, OptionValues values, List<String> operands) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (CliOption o : command.table().options()) {
      if (o.kind() == CliOption.Kind.HELP || o.kind() == CliOption.Kind.VERSION) {
        continue;
      }
      Object v = values.value(o.key());
      out.put(o.key(), v instanceof boolean[] b ? "true x" + b.length : v);
    }
    out.put("operands", List.copyOf(operands));
    return out;
  }
}
