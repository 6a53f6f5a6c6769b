package dev.kindling.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kindling.datasource.registry.Datasources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * `run` starts from a class archive made from the training run's `run` commands alone
 * (packaging/training-run.sh), so a datasource whose `run` is not trained loads its classes from
 * the jar at every boot (a config-drive boot took half as long again before it was trained). Every
 * datasource option is trained, or listed here with the reason it cannot be.
 */
class TrainingCoverageTest {
  private static final Map<String, String> UNTRAINED =
      Map.of(
          "--from-proc-cmdline", "reads the build machine's own /proc/cmdline",
          "--from-vmware-guestinfo", "calls vmware-rpctool, which a build machine does not have",
          "--from-cloudsigma-metadata", "reads a serial port of the build machine");

  @Test
  void everyDatasourceOfRun_isTrainedOrListedWithAReason() throws IOException {
    Set<String> training =
        Pattern.compile("\\s+")
            .splitAsStream(Files.readString(Path.of("packaging/training-run.sh")))
            .collect(Collectors.toSet());
    Set<String> untrained = new TreeSet<>();
    Datasources.ALL.forEach(
        type -> {
          if (!training.contains(type.flag()) && !UNTRAINED.containsKey(type.flag())) {
            untrained.add(type.flag());
          }
        });
    assertEquals(Set.of(), untrained, "datasources whose `run` packaging/training-run.sh skips");
    Datasources.ALL.forEach(
        type -> {
          if (UNTRAINED.containsKey(type.flag()) && training.contains(type.flag())) {
            untrained.add(type.flag() + " (trained: remove it from UNTRAINED)");
          }
        });
    assertEquals(Set.of(), untrained);
  }
}
