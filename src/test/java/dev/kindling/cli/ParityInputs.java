package dev.kindling.cli;

import dev.kindling.agent.Pipeline;
import dev.kindling.apply.Applier;
import dev.kindling.apply.ApplyMode;
import dev.kindling.apply.ApplyResult;
import dev.kindling.apply.OwnerPolicy;
import dev.kindling.apply.RecordingProcessRunner;
import dev.kindling.apply.RootFs;
import dev.kindling.apply.systemd.RecordingSystemdManager;
import dev.kindling.metadata.Metadata;
import dev.kindling.metadata.MetadataJson;
import dev.kindling.plan.PlanOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the validate/run parity tests share: their inputs (every sample and every validate golden
 * input, with the case's metadata.json) and applying a prepared plan as {@code render --root} does
 * (commands and systemd recorded) on a root of the real file system.
 */
final class ParityInputs {
  private ParityInputs() {}

  /** Every sample file and every validate golden {@code user-data}, sorted. */
  static Stream<String> all() throws IOException {
    List<String> all = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(Path.of("samples/cloud-config"))) {
      walk.filter(Files::isRegularFile).sorted().forEach(p -> all.add(p.toString()));
    }
    try (Stream<Path> walk = Files.walk(Path.of("src/test/resources/validate/golden"))) {
      walk.filter(p -> p.getFileName().toString().equals("user-data"))
          .sorted()
          .forEach(p -> all.add(p.toString()));
    }
    return all.stream();
  }

  /** The metadata.json beside {@code input}, when there is one. */
  static Optional<Metadata> metadata(Path input) throws IOException {
    Path file = input.resolveSibling("metadata.json");
    return Files.exists(file)
        ? Optional.of(MetadataJson.read(Files.readAllBytes(file)))
        : Optional.empty();
  }

  /** User data and metadata prepared as {@code run --from-file} prepares them. */
  static Pipeline.Prepared prepare(byte[] data, Metadata metadata) {
    return Pipeline.prepare(
        "local-file", data, metadata, Map.of(), PlanOptions.defaults("local-file"));
  }

  /** Applies {@code prepared} under {@code root} with commands and systemd calls recorded. */
  static ApplyResult apply(Pipeline.Prepared prepared, Path root) throws IOException {
    RootFs fs = new RootFs(Files.createDirectories(root), OwnerPolicy.RECORD);
    RecordingSystemdManager systemd = new RecordingSystemdManager();
    return new Applier(
            fs,
            systemd,
            new RecordingProcessRunner(),
            Optional.empty(),
            Applier.Settings.of(fs, ApplyMode.RECORD, ApplyMode.RECORD))
        .apply(prepared.plan());
  }
}
