package dev.kindling.apply;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs programs as child processes. Program names are looked up on an explicit search path (the JVM
 * would search its own start-up {@code PATH}, which tests cannot redirect).
 */
public final class SystemProcessRunner implements ProcessRunner {
  /** Most output kept per command. */
  static final int MAX_OUTPUT = 64 * 1024;

  private final List<Path> searchPath;

  /** A runner that looks programs up in these directories, in order. */
  public SystemProcessRunner(List<Path> searchPath) {
    this.searchPath = List.copyOf(searchPath);
  }

  /**
   * The system property that replaces the search path (directories separated by {@code :}); tests
   * point it at stub programs so that no real useradd ever runs.
   */
  public static final String PATH_PROPERTY = "kindling.path";

  /**
   * The directories of {@link #PATH_PROPERTY} when set; else the process's {@code PATH} followed by
   * the sbin directories, where useradd lives.
   */
  public static SystemProcessRunner fromEnvironment() {
    List<Path> dirs = new ArrayList<>();
    String override = System.getProperty(PATH_PROPERTY);
    if (override != null) {
      for (String d : override.split(File.pathSeparator, -1)) {
        if (!d.isEmpty()) {
          dirs.add(Path.of(d));
        }
      }
      return new SystemProcessRunner(dirs);
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String d : path.split(File.pathSeparator, -1)) {
        if (!d.isEmpty()) {
          dirs.add(Path.of(d));
        }
      }
    }
    for (String d : List.of("/usr/local/sbin", "/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
      if (!dirs.contains(Path.of(d))) {
        dirs.add(Path.of(d));
      }
    }
    return new SystemProcessRunner(dirs);
  }

  @Override
  public boolean exists(String program) {
    return find(program).isPresent();
  }

  private Optional<Path> find(String program) {
    if (program.contains("/")) {
      Path p = Path.of(program);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    for (Path dir : searchPath) {
      Path candidate = dir.resolve(program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  @Override
  public Result run(Command command) throws IOException, InterruptedException {
    Path program =
        find(command.program())
            .orElseThrow(() -> new IOException(command.program() + ": command not found"));
    List<String> argv = new ArrayList<>(command.argv());
    argv.set(0, program.toString());
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> drain(process.getInputStream(), output), "process-output");
    reader.setDaemon(true);
    reader.start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(command.stdin().toByteArray());
    } catch (IOException e) {
      // The program may exit without reading its input; its status tells what happened.
    }
    if (!process.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
      throw new IOException(
          command.program() + " did not finish within " + command.timeout().toSeconds() + " s");
    }
    reader.join(TimeUnit.SECONDS.toMillis(5));
    String text;
    synchronized (output) {
      text = output.toString(StandardCharsets.UTF_8);
    }
    return new Result(process.exitValue(), text);
  }

  private static void drain(InputStream in, ByteArrayOutputStream output) {
    byte[] buffer = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        synchronized (output) {
          if (output.size() < MAX_OUTPUT) {
            output.write(buffer, 0, Math.min(n, MAX_OUTPUT - output.size()));
          }
        }
      }
    } catch (IOException e) {
      // The process ended; what was read is the output.
    }
  }
}
