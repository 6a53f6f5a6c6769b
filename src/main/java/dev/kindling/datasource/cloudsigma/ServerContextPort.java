package dev.kindling.datasource.cloudsigma;

import dev.kindling.datasource.Deadline;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The serial line the CloudSigma server context answers on ({@code /dev/ttyS1} in production,
 * {@link SerialServerContextPort}); tests supply piped streams.
 */
@FunctionalInterface
public interface ServerContextPort {
  /** Opens the line; close the result when done. */
  Streams open(Deadline deadline) throws IOException, InterruptedException;

  /**
   * The two directions of an open line.
   *
   * @param in what the server context sends
   * @param out where requests are written
   * @param onClose releases the line
   */
  record Streams(InputStream in, OutputStream out, Closeable onClose) implements Closeable {
    public Streams {
      Objects.requireNonNull(in, "in");
      Objects.requireNonNull(out, "out");
      Objects.requireNonNull(onClose, "onClose");
    }

    @Override
    public void close() throws IOException {
      onClose.close();
    }
  }
}
