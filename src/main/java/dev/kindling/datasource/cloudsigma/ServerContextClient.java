package dev.kindling.datasource.cloudsigma;

import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.Deadline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * The CloudSigma server-context protocol on an open serial line: a request {@code "<\n" + key +
 * "\n>"} is answered by the value's JSON and an EOT byte (0x04). Reads never block past the
 * deadline: the line is polled for available bytes.
 */
final class ServerContextClient {
  /** The byte that ends every answer. */
  static final int EOT = 0x04;

  /** Most bytes one answer may have. */
  static final int MAX_ANSWER = 16 * 1024 * 1024;

  private static final Duration POLL = Duration.ofMillis(5);

  private final InputStream in;
  private final OutputStream out;

  ServerContextClient(InputStream in, OutputStream out) {
    this.in = Objects.requireNonNull(in, "in");
    this.out = Objects.requireNonNull(out, "out");
  }

  /** The answer to {@code key} ({@code ""} for the whole context, {@code /meta/}, ...). */
  byte[] query(String key, Deadline deadline) throws DatasourceException, InterruptedException {
    String what = "the CloudSigma server context (key \"" + key + "\")";
    try {
      discardPending(); // a late answer to an earlier, abandoned request
      out.write(("<\n" + key + "\n>").getBytes(StandardCharsets.UTF_8));
      out.flush();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (true) {
        int available = in.available();
        if (available <= 0) {
          if (deadline.expired()) {
            throw new DatasourceException(
                "failed to read " + what + ": no complete answer before the deadline");
          }
          Thread.sleep(POLL.toMillis());
          continue;
        }
        int n = in.read(buffer, 0, Math.min(buffer.length, available));
        if (n < 0) {
          throw new DatasourceException(
              "failed to read " + what + ": the line closed before the end of the answer");
        }
        for (int i = 0; i < n; i++) {
          if (buffer[i] == EOT) {
            answer.write(buffer, 0, i);
            return answer.toByteArray();
          }
        }
        answer.write(buffer, 0, n);
        if (answer.size() > MAX_ANSWER) {
          throw new DatasourceException(
              "failed to read " + what + ": the answer exceeds " + MAX_ANSWER + " bytes");
        }
      }
    } catch (IOException e) {
      throw new DatasourceException("failed to read " + what + ": " + e.getMessage(), e);
    }
  }

  private void discardPending() throws IOException {
    int pending;
    while ((pending = in.available()) > 0) {
      long skipped = in.skip(pending);
      if (skipped <= 0) {
        return;
      }
    }
  }
}
