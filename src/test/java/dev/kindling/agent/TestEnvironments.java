package dev.kindling.agent;

import dev.kindling.apply.RecordingProcessRunner;
import dev.kindling.datasource.CommandRunner;
import dev.kindling.datasource.DatasourceLocator;
import dev.kindling.datasource.http.Backoff;
import dev.kindling.datasource.http.MetadataClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Agent environments for tests: a machine made of a temporary directory (its DMI strings, its
 * kernel command line, its system root), loopback-only clients without sleeps, short probe waits,
 * recorded programs, and no systemd (a test that needs one passes its own).
 */
public final class TestEnvironments {
  private TestEnvironments() {}

  /** A client that never sleeps between attempts (generous attempt timeout for a cold JVM). */
  public static MetadataClient client() {
    return MetadataClient.builder()
        .backoff(Backoff.none())
        .attemptTimeout(Duration.ofSeconds(5))
        .build();
  }

  /**
   * A machine below {@code dir}: DMI {@code sys_vendor} {@code vendor}, kernel command line {@code
   * cmdline}, the given locators and datasource command runner.
   */
  public static AgentEnvironment machine(
      Path dir,
      String vendor,
      String cmdline,
      List<DatasourceLocator> locators,
      CommandRunner commands)
      throws IOException {
    return machine(dir, vendor, cmdline, locators, commands, TestEnvironments::client);
  }

  /** As above, with the clients made by {@code clients}. */
  public static AgentEnvironment machine(
      Path dir,
      String vendor,
      String cmdline,
      List<DatasourceLocator> locators,
      CommandRunner commands,
      Supplier<MetadataClient> clients)
      throws IOException {
    Path system = Files.createDirectories(dir.resolve("system"));
    Path dmi = Files.createDirectories(system.resolve("sys/class/dmi/id"));
    Files.writeString(dmi.resolve("sys_vendor"), vendor + "\n");
    Path proc = Files.createDirectories(system.resolve("proc")).resolve("cmdline");
    Files.writeString(proc, cmdline);
    return new AgentEnvironment(
        Clock.systemUTC(),
        system,
        RecordingProcessRunner::new,
        commands,
        () -> {
          throw new AssertionError("no test reaches the real systemd");
        },
        clients,
        Map.of(),
        dmi,
        proc,
        locators,
        new Backoff(Integer.MAX_VALUE, Duration.ofMillis(5), Duration.ofMillis(50), 0),
        mac -> Optional.empty(),
        () -> false);
  }

  /** A machine on an unknown platform that runs no programs for datasources. */
  public static AgentEnvironment plain(Path dir) throws IOException {
    return machine(
        dir,
        "QEMU",
        "",
        List.of(),
        (command, deadline) -> {
          throw new IOException("no program runs in this test: " + command.get(0));
        });
  }
}
