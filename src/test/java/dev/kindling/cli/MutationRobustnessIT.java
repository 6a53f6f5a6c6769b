package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.agent.Pipeline;
import dev.kindling.apply.ApplyResult;
import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.Severity;
import dev.kindling.metadata.Metadata;
import dev.kindling.plan.RejectedItem;
import dev.kindling.validate.Entry;
import dev.kindling.validate.FileReport;
import dev.kindling.validate.Validator;
import dev.kindling.value.Redaction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input never crashes anything, and what validate accepts, run applies: every sample and
 * validate golden input is mutated many times, deterministically (truncated, lines deleted,
 * duplicated, swapped or re-indented, values replaced by other YAML shapes, stray bytes inserted).
 * Each mutant must be validated and planned without an exception, and run must see the findings
 * validate reports; a mutant without errors must be applied on a temporary root without a failed
 * step, and every error of a mutant with errors must keep its item from being applied (a rejected
 * item with the error's message, or an input problem for a part that cannot be read).
 */
class MutationRobustnessIT {
  /** Another deterministic series of mutants: {@code -Dkindling.mutation.seed=7}. */
  private static final long SEED = Long.getLong("kindling.mutation.seed", 0L);

  /** Mutants per input; {@code -Dkindling.mutants=500} for a longer search. */
  private static final int MUTANTS_PER_INPUT = Integer.getInteger("kindling.mutants", 30);

  private static final List<String> VALUES =
      List.of(
          "",
          "[]",
          "{}",
          "[1, 2]",
          "{a: b}",
          "- x",
          "~",
          "null",
          "0x",
          "0o8",
          "0b102",
          "08",
          "-1",
          "1e400",
          "99999999999999999999999999",
          "yes",
          "Off",
          "\"unterminated",
          "'x",
          "*undefined",
          "&anchor",
          "!!binary AAAA",
          "!!int x",
          "!custom x",
          "|",
          ">-",
          "\"\\u0000\"",
          "\"\\x\"",
          "$private_ipv4$public_ipv6",
          "\\$private_ipv4",
          "/../../etc/passwd",
          "../x",
          "/usr/x",
          "%",
          "@",
          "`",
          "\t",
          "- - - x",
          "? complex",
          "<<: {a: b}",
          "x: y: z",
          "0644",
          "0999",
          "r---w----",
          "start",
          "a.service",
          "root:root",
          "\"é\u0301\uFFFF\"");

  /** Errors that keep a whole part from being read: run reports them as input problems. */
  private static final Set<Code> UNREADABLE =
      EnumSet.of(
          Code.YAML_SYNTAX, Code.NOT_CLOUD_CONFIG, Code.COMPRESSION, Code.MULTIPART, Code.INCLUDE);

  private static final byte[] STRAY =
      new byte[] {
        0, 9, 10, 13, ' ', ':', '-', '#', '&', '*', '!', '|', '>', '\'', '"', (byte) 0xff
      };

  private static final Metadata FULL =
      new Metadata(
          Optional.of("i-mutant"),
          Optional.of("mutant.example.internal"),
          Optional.of("203.0.113.7"),
          Optional.of("10.0.0.5"),
          Optional.of("2001:db8::7"),
          Optional.of("fd00::5"),
          Map.of(
              "mutant",
              "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINgVQDXmSyv1iVN9K3gjUdp7xctsoV1o6DCzzX5XnLfd m"),
          Optional.empty());

  @TempDir Path tmp;

  static Stream<String> inputs() throws IOException {
    return ParityInputs.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void mutants_neverCrash_andApplyWhenAccepted(String name) throws IOException {
    Path input = Path.of(name);
    byte[] original = Files.readAllBytes(input);
    // With every address known, validate and run see the same values ($private_ipv4 in a path).
    Optional<Metadata> metadata = Optional.of(ParityInputs.metadata(input).orElse(FULL));
    SplittableRandom random = new SplittableRandom(name.hashCode() ^ SEED);
    for (int i = 0; i < MUTANTS_PER_INPUT; i++) {
      byte[] mutant = mutate(original, random);
      String label = name + " mutant #" + i + ":\n" + new String(mutant, StandardCharsets.UTF_8);
      check(label, mutant, metadata, tmp.resolve("root-" + i));
    }
  }

  @Test
  void mutate_changesTheInput() throws IOException {
    byte[] original = Files.readAllBytes(Path.of("samples/cloud-config/docker-redis.yaml"));
    SplittableRandom random = new SplittableRandom(1);
    int changed = 0;
    for (int i = 0; i < 100; i++) {
      if (!Arrays.equals(original, mutate(original, random))) {
        changed++;
      }
    }
    assertThat(changed).isGreaterThan(90);
  }

  private static void check(String label, byte[] data, Optional<Metadata> metadata, Path root)
      throws IOException {
    FileReport report;
    try {
      report = Validator.validate("user-data", data, metadata);
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError("validate crashed on " + label, e);
    }
    Pipeline.Prepared prepared;
    try {
      prepared = ParityInputs.prepare(data, metadata.orElseThrow());
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError("plan crashed on " + label, e);
    }
    assertThat(prepared.validation().entries())
        .as("run sees the findings validate reports: %s", label)
        .isEqualTo(report.entries());
    boolean rejecting =
        report.entries().stream()
            .map(Entry::finding)
            .anyMatch(
                f ->
                    f.severity() == Severity.ERROR
                        && f.code() != Code.UNRESOLVED_VARIABLE
                        && f.code() != Code.INCORRECT_TYPE);
    if (rejecting) {
      rejectedAsReported(label, prepared);
      return;
    }
    ApplyResult result;
    try {
      result = ParityInputs.apply(prepared, root);
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError("plan or apply crashed on " + label, e);
    }
    assertThat(result.steps())
        .allSatisfy(
            s ->
                assertThat(s.outcome().status().isFailure())
                    .as(
                        "accepted by validate but failed in run: %s: %s%n%s",
                        s.action().describe(), s.outcome().error().orElse(""), label)
                    .isFalse());
  }

  /**
   * What validate rejects, run does not apply: every error is the reason of a rejected item (or,
   * for a part that cannot be read at all, an input problem), and nothing is rejected without one.
   */
  private static void rejectedAsReported(String label, Pipeline.Prepared prepared) {
    List<String> reasons =
        prepared.plan().actions().stream()
            .filter(a -> a instanceof RejectedItem)
            .map(a -> ((RejectedItem) a).reason())
            .toList();
    List<Finding> errors =
        prepared.validation().entries().stream()
            .map(Entry::finding)
            // A value of the wrong type is dropped on its own, as the original drops it (the
            // rest of its item is applied); an unresolved variable becomes "". Neither rejects.
            .filter(
                f ->
                    f.severity() == Severity.ERROR
                        && f.code() != Code.UNRESOLVED_VARIABLE
                        && f.code() != Code.INCORRECT_TYPE)
            .toList();
    for (Finding error : errors) {
      if (UNREADABLE.contains(error.code())) {
        assertThat(prepared.inputProblems())
            .as("%s is an input problem: %s", error.message(), label)
            .isNotEmpty();
      } else {
        assertThat(reasons)
            .as("%s is the reason of a rejected item: %s", error.message(), label)
            .anyMatch(r -> r.contains(shown(error)));
      }
    }
    for (String reason : reasons) {
      assertThat(errors)
          .as("rejected item \"%s\" comes from an error: %s", reason, label)
          .anyMatch(e -> reason.contains(shown(e)));
    }
  }

  /** A finding's message as run reports it: without the values of fields that hold secrets. */
  private static String shown(Finding f) {
    return Redaction.message(f.message(), f.path().segments());
  }

  static byte[] mutate(byte[] original, SplittableRandom random) {
    String text = new String(original, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int n = lines.size();
    int at = random.nextInt(n);
    switch (random.nextInt(8)) {
      case 0 -> {
        return Arrays.copyOf(original, random.nextInt(original.length + 1));
      }
      case 1 -> lines.remove(at);
      case 2 -> lines.add(at, lines.get(at));
      case 3 -> {
        int other = random.nextInt(n);
        String a = lines.get(at);
        lines.set(at, lines.get(other));
        lines.set(other, a);
      }
      case 4 -> {
        String line = lines.get(at);
        lines.set(
            at,
            random.nextBoolean()
                ? " ".repeat(1 + random.nextInt(4)) + line
                : line.replaceFirst("^ {1,2}", ""));
      }
      case 5, 6 -> {
        // Replace the value of a "key: value" or "- value" line with another YAML shape.
        for (int tries = 0; tries < n; tries++) {
          int i = (at + tries) % n;
          String line = lines.get(i);
          int colon = line.indexOf(": ");
          int dash = line.indexOf("- ");
          int cut = colon >= 0 ? colon + 2 : dash >= 0 ? dash + 2 : -1;
          if (cut > 0) {
            lines.set(i, line.substring(0, cut) + VALUES.get(random.nextInt(VALUES.size())));
            break;
          }
        }
      }
      default -> {
        byte[] out = new byte[original.length + 1];
        int pos = random.nextInt(original.length + 1);
        System.arraycopy(original, 0, out, 0, pos);
        out[pos] = STRAY[random.nextInt(STRAY.length)];
        System.arraycopy(original, pos, out, pos + 1, original.length - pos);
        return out;
      }
    }
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }
}
