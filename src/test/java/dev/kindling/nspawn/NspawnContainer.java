package dev.kindling.nspawn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container booted with {@code systemd-nspawn -b} from the shared test rootfs: real systemd and
 * D-Bus as its PID 1. The rootfs stays pristine ({@code --volatile=overlay}: writes go to a tmpfs),
 * the container has only a loopback interface ({@code --private-network}) and commands run in it
 * through {@code nsenter} into PID 1's namespaces. {@link #close()} powers it off and, failing
 * that, kills exactly the processes this class started, by PID.
 */
public final class NspawnContainer implements AutoCloseable {
  private static final Duration BOOT_LIMIT = Duration.ofMinutes(2);
  private static final Duration COMMAND_LIMIT = Duration.ofMinutes(2);
  private static final String PATH =
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private final Process nspawn;
  private final long pid1;
  private final Path log;
  private final Thread killOnExit;
  private double bootSeconds;

  private NspawnContainer(Process nspawn, long pid1, Path log) {
    this.nspawn = nspawn;
    this.pid1 = pid1;
    this.log = log;
    // If the test JVM ends without close() (Ctrl-C, a crash), do not leave a container behind.
    this.killOnExit =
        new Thread(
            () -> {
              ProcessHandle.of(pid1).ifPresent(ProcessHandle::destroyForcibly);
              nspawn.destroyForcibly();
            });
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /**
   * Boots {@code rootfs} with {@code binds} (host path to container path, read-only) and waits
   * until systemd reports {@code running} or {@code degraded}.
   */
  public static NspawnContainer boot(Path rootfs, Map<Path, String> binds, Path logDir)
      throws IOException, InterruptedException {
    Files.createDirectories(logDir);
    String name = "kindling-it-" + ProcessHandle.current().pid();
    List<String> command =
        new ArrayList<>(
            List.of(
                "systemd-nspawn",
                "--quiet",
                "--boot",
                "--directory=" + rootfs,
                "--volatile=overlay",
                "--private-network",
                "--register=no",
                "--keep-unit",
                "--console=passive",
                "--machine=" + name,
                // The image's fstab names the VM's root disk, which a container does not have.
                "--bind-ro=/dev/null:/etc/fstab"));
    binds.forEach((host, inside) -> command.add("--bind-ro=" + host + ":" + inside));
    Path log = logDir.resolve("nspawn.log");
    long start = System.nanoTime();
    Process nspawn =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE)
            .start();
    NspawnContainer container = null;
    try {
      container = new NspawnContainer(nspawn, awaitPid1(nspawn, log), log);
      String state = container.awaitRunning();
      container.bootSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "nspawn: container %s booted to '%s' in %.2f s%n", name, state, container.bootSeconds);
      return container;
    } catch (IOException | InterruptedException | RuntimeException e) {
      if (container != null) {
        container.close();
      } else {
        kill(nspawn);
      }
      throw e;
    }
  }

  /**
   * Boots the shared test image with the shaded jar at {@code jarInside} and {@code binds}, logging
   * to {@code target/nspawn-it/LOGNAME}; aborts the caller as skipped where nspawn cannot run (not
   * root, no systemd-nspawn, no jar, no cached or buildable image).
   */
  public static NspawnContainer bootWithKindling(
      String jarInside, Map<Path, String> binds, String logName)
      throws IOException, InterruptedException {
    Path jar = NspawnPrerequisites.kindlingJar();
    Path rootfs = NspawnPrerequisites.rootfs();
    Map<Path, String> all = new LinkedHashMap<>();
    all.put(jar, jarInside);
    all.putAll(binds);
    return boot(
        rootfs, all, NspawnPrerequisites.projectDir().resolve("target/nspawn-it/" + logName));
  }

  /** Wall time from launch to a running system. */
  public double bootSeconds() {
    return bootSeconds;
  }

  /** The container's PID 1 (its systemd) as seen from the host. */
  public long pid1() {
    return pid1;
  }

  /** A path inside the container, reached from the host through /proc/PID/root. */
  public Path path(String inside) {
    return Path.of("/proc/" + pid1 + "/root" + inside);
  }

  /** Runs {@code argv} inside the container (all of PID 1's namespaces, a clean environment). */
  public Exec.Result exec(String... argv) throws IOException, InterruptedException {
    return Exec.run(nsenter(argv), COMMAND_LIMIT);
  }

  /** Runs {@code argv} inside the container with {@code stdin} as input. */
  public Exec.Result execWithInput(String stdin, String... argv)
      throws IOException, InterruptedException {
    return Exec.run(nsenter(argv), stdin, COMMAND_LIMIT);
  }

  /** The nsenter command line that runs {@code argv} inside; for long-running children. */
  public List<String> nsenter(String... argv) {
    List<String> command =
        new ArrayList<>(
            List.of("nsenter", "--target", Long.toString(pid1), "--all", "env", "-i", PATH));
    command.addAll(List.of(argv));
    return command;
  }

  /** {@code systemctl VERB UNIT}'s trimmed output, e.g. {@code is-active} or {@code is-enabled}. */
  public String systemctl(String verb, String unit) throws IOException, InterruptedException {
    return exec("systemctl", verb, unit).out();
  }

  /** The value of one property of a unit, as {@code systemctl show} reports it. */
  public String unitProperty(String unit, String property)
      throws IOException, InterruptedException {
    return exec("systemctl", "show", "--value", "--property=" + property, unit).out();
  }

  /** The unit's journal, read until it shows {@code expected} (journald writes streams late). */
  public String journal(String unit, String expected) throws IOException, InterruptedException {
    String text = "";
    for (int attempt = 0; attempt < 50 && !text.contains(expected); attempt++) {
      if (attempt > 0) {
        Thread.sleep(100);
      }
      text = exec("journalctl", "--no-pager", "-o", "cat", "-u", unit).stdout();
    }
    return text;
  }

  /** The last lines of the container's console log, for failure messages. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "<no log: " + e.getMessage() + ">";
    }
  }

  /** Powers the container off; kills nspawn and the container's PID 1 if that does not work. */
  @Override
  public void close() {
    try {
      powerOff();
    } catch (InterruptedException e) {
      ProcessHandle.of(pid1).ifPresent(ProcessHandle::destroyForcibly);
      nspawn.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void powerOff() throws InterruptedException {
    try {
      if (!nspawn.isAlive()) {
        return;
      }
      long start = System.nanoTime();
      try {
        exec("systemctl", "poweroff", "--no-block");
      } catch (IOException e) {
        // Killed below.
      }
      if (nspawn.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        System.out.printf("nspawn: powered off in %.2f s%n", (System.nanoTime() - start) / 1e9);
        return;
      }
      System.out.println("nspawn: no poweroff within 30 s; killing PID " + pid1 + " and nspawn");
      // SIGKILL to the container's PID 1 ends its whole PID namespace.
      ProcessHandle.of(pid1).ifPresent(ProcessHandle::destroyForcibly);
      kill(nspawn);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(killOnExit);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down; the hook runs anyway.
      }
    }
  }

  private static void kill(Process nspawn) throws InterruptedException {
    nspawn.destroy();
    if (!nspawn.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      nspawn.destroyForcibly();
      nspawn.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  /** systemd-nspawn forks the container's init as its direct child. */
  private static long awaitPid1(Process nspawn, Path log) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (!nspawn.isAlive()) {
        throw new IOException(
            "systemd-nspawn exited with " + nspawn.exitValue() + ":\n" + Files.readString(log));
      }
      Optional<ProcessHandle> init =
          nspawn.children().filter(c -> "systemd".equals(comm(c.pid()))).findFirst();
      if (init.isPresent()) {
        return init.get().pid();
      }
      Thread.sleep(50);
    }
    throw new IOException("the container's systemd did not appear:\n" + Files.readString(log));
  }

  private static String comm(long pid) {
    try {
      return Files.readString(Path.of("/proc/" + pid + "/comm")).strip();
    } catch (IOException e) {
      return "";
    }
  }

  private String awaitRunning() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + BOOT_LIMIT.toNanos();
    String state = "";
    while (System.nanoTime() < deadline) {
      if (!nspawn.isAlive()) {
        throw new IOException("systemd-nspawn exited during boot:\n" + logTail());
      }
      state = exec("systemctl", "is-system-running").out();
      if (state.equals("running") || state.equals("degraded")) {
        if (state.equals("degraded")) {
          System.out.println(
              "nspawn: degraded; failed units: "
                  + exec("systemctl", "--failed", "--no-legend").out());
        }
        return state;
      }
      Thread.sleep(100);
    }
    throw new IOException(
        "the container did not boot within "
            + BOOT_LIMIT.toSeconds()
            + " s (state '"
            + state
            + "'):\n"
            + logTail());
  }
}
