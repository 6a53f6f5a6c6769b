package dev.kindling.agent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kindling.apply.Ids;
import dev.kindling.apply.InstanceRecord;
import dev.kindling.apply.OwnerPolicy;
import dev.kindling.apply.RootFs;
import dev.kindling.metadata.Metadata;
import dev.kindling.metadata.MetadataJson;
import dev.kindling.value.JsonTree;
import dev.kindling.value.Sha256;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * What {@code run} keeps under {@code /var/lib/kindling} of the root, every file 0600: the current
 * instance id ({@code instance-id}), the record of what ran once for each instance ({@code
 * instances/ID/done}), the last run's report ({@code last-run.json}, read by {@code kindling
 * status}) and the last fetched metadata ({@code metadata.json}, read by {@code kindling query}).
 * None of it holds user data, passwords or tokens: the report never does, and the metadata is the
 * instance's id, names, addresses and public keys. {@code kindling clean} removes the directory.
 */
public final class InstanceState {
  /** The directory, relative to the root. */
  public static final String DIR = InstanceRecord.STATE_DIR;

  /** The current instance id. */
  public static final String INSTANCE_ID = DIR + "/instance-id";

  /** The last run's report. */
  public static final String LAST_RUN = DIR + "/last-run.json";

  /** The metadata of the last fetch. */
  public static final String METADATA = DIR + "/metadata.json";

  private InstanceState() {}

  /**
   * The instance id: the metadata's, else {@code userdata-} and the first 16 hex digits of the user
   * data's SHA-256 (the same user data is the same instance). An id that cannot name a directory is
   * replaced by {@code id-} and its own digest.
   */
  public static String instanceId(Metadata metadata, byte[] userData) {
    Optional<String> id = metadata.instanceId();
    if (id.isEmpty()) {
      return "userdata-" + Sha256.hex(userData).substring(0, 16);
    }
    if (InstanceRecord.isSafeId(id.get())) {
      return id.get();
    }
    return "id-" + Sha256.hex(id.get().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
  }

  /** Notes the current instance and opens its record. */
  static InstanceRecord open(RootFs fs, String instanceId) throws IOException {
    fs.write(INSTANCE_ID, (instanceId + "\n").getBytes(StandardCharsets.UTF_8), 0600, Ids.none());
    return InstanceRecord.load(fs, instanceId);
  }

  /**
   * Keeps the metadata of this run for {@code kindling query} (without the network document), in
   * Jackson's default indented layout. Written with the streaming generator: an ObjectMapper would
   * load and set up most of jackson-databind (about 370 classes) on every boot.
   */
  static void saveMetadata(RootFs fs, String datasource, String instanceId, Metadata metadata)
      throws IOException {
    fs.write(METADATA, metadataJson(datasource, instanceId, metadata), 0600, Ids.none());
  }

  /** What {@link #saveMetadata} writes. */
  static byte[] metadataJson(String datasource, String instanceId, Metadata metadata)
      throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.setPrettyPrinter(new DefaultPrettyPrinter());
      g.writeStartObject();
      MetadataJson.writeFields(g, metadata, false);
      g.writeStringField("datasource", datasource);
      g.writeStringField("instance", instanceId);
      g.writeEndObject();
    }
    return (out + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** Keeps the run report for {@code kindling status}. */
  static void saveReport(RootFs fs, byte[] reportJson) throws IOException {
    fs.write(LAST_RUN, reportJson, 0600, Ids.none());
  }

  /** The last run's report under {@code root}, if a run stored one. */
  public static Optional<JsonNode> lastRun(Path root) throws IOException {
    return readJson(root, LAST_RUN);
  }

  /** The metadata of the last fetch under {@code root}, if a run stored it. */
  public static Optional<JsonNode> metadata(Path root) throws IOException {
    return readJson(root, METADATA);
  }

  private static Optional<JsonNode> readJson(Path root, String target) throws IOException {
    Optional<byte[]> bytes = new RootFs(root, OwnerPolicy.RECORD).read(target);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(JsonTree.read(bytes.get()));
  }

  /**
   * Removes the state directory under {@code root} (links are removed, never followed) while
   * holding the run lock; returns whether there was anything to remove.
   *
   * @throws IOException also when a run holds the lock (nothing is removed then)
   */
  public static boolean clean(Path root) throws IOException {
    Optional<RunLock> lock = RunLock.tryAcquire(new RootFs(root, OwnerPolicy.RECORD));
    if (lock.isEmpty()) {
      throw new IOException(
          "a run holds " + root.resolve(RunLock.TARGET.substring(1)) + "; try again when it ended");
    }
    try {
      return removeState(root);
    } finally {
      lock.get().close();
    }
  }

  private static boolean removeState(Path root) throws IOException {
    Path dir = root.resolve(DIR.substring(1));
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(dir);
      return true;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
    return true;
  }
}
