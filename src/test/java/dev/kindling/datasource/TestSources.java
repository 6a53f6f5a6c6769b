package dev.kindling.datasource;

import dev.kindling.datasource.http.Backoff;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.testing.MetadataEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Shared test set-up: a no-sleep client, a deadline, fixtures and emulators. */
public final class TestSources {
  public static final Path FIXTURES = Path.of("src/test/resources/datasource");

  private TestSources() {}

  /**
   * A client that never sleeps between attempts. The attempt timeout is generous: the first request
   * of a cold JVM loads OkHttp and may take a second on a busy machine.
   */
  public static MetadataClient client() {
    return MetadataClient.builder()
        .backoff(Backoff.none())
        .attemptTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** As {@link #client()}, with short attempt timeouts for tests where a server hangs. */
  public static MetadataClient impatientClient() {
    return MetadataClient.builder()
        .backoff(Backoff.none())
        .attemptTimeout(Duration.ofMillis(700))
        .build();
  }

  public static Deadline deadline() {
    return Deadline.in(Duration.ofSeconds(15));
  }

  public static MetadataEmulator emulator(MetadataEmulator.Flavor flavor, String fixture)
      throws IOException {
    return MetadataEmulator.start(flavor, FIXTURES.resolve(fixture));
  }

  public static String text(Optional<byte[]> data) {
    return new String(data.orElseThrow(), StandardCharsets.UTF_8);
  }
}
