package dev.kindling.datasource.cloudsigma;

import dev.kindling.datasource.CommandRunner;
import dev.kindling.datasource.Deadline;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The production {@link ServerContextPort}: a serial device put into raw mode at 115200 baud with
 * {@code stty} (through the {@link CommandRunner}), then opened for reading and writing.
 *
 * <p>Wiring: {@code new SerialServerContextPort(SerialServerContextPort.DEFAULT_DEVICE, new
 * ProcessCommandRunner())}.
 */
public final class SerialServerContextPort implements ServerContextPort {
  /** The serial port CloudSigma attaches the server context to. */
  public static final Path DEFAULT_DEVICE = Path.of("/dev/ttyS1");

  private final Path device;
  private final CommandRunner runner;

  /** The line on {@code device}, configured with {@code stty} run by {@code runner}. */
  public SerialServerContextPort(Path device, CommandRunner runner) {
    this.device = Objects.requireNonNull(device, "device");
    this.runner = Objects.requireNonNull(runner, "runner");
  }

  @Override
  public Streams open(Deadline deadline) throws IOException, InterruptedException {
    // Raw mode: no echo of the request, no line buffering, no CR/LF translation.
    CommandRunner.Result stty =
        runner.run(
            List.of("stty", "-F", device.toString(), "115200", "raw", "-echo", "-echoe", "-echok"),
            deadline);
    if (!stty.succeeded()) {
      throw new IOException("stty " + device + ": " + stty.firstErrorLine());
    }
    FileInputStream in = new FileInputStream(device.toFile());
    FileOutputStream out;
    try {
      out = new FileOutputStream(device.toFile());
    } catch (IOException e) {
      in.close();
      throw e;
    }
    return new Streams(
        in,
        out,
        () -> {
          try (in;
              out) {
            // both closed
          }
        });
  }

  @Override
  public String toString() {
    return "SerialServerContextPort[" + device + "]";
  }
}
