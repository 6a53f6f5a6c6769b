package dev.kindling.plan;

import dev.kindling.analysis.Analyzer;
import dev.kindling.config.CheckedConfig;
import dev.kindling.config.CloudConfig;
import dev.kindling.metadata.Metadata;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Builds planner inputs from cloud-config text, as the pipeline does: through the analysis. */
final class TestConfigs {
  private TestConfigs() {}

  /** The checked config of a cloud-config document. */
  static CheckedConfig checked(String yaml) {
    return Analyzer.analyze(yaml.getBytes(StandardCharsets.UTF_8), Optional.empty())
        .parts()
        .get(0)
        .config()
        .orElseThrow();
  }

  /** The bound config of a cloud-config document. */
  static CloudConfig parse(String yaml) {
    return checked(yaml).config();
  }

  /** A one-part input with default options for the {@code local-file} source. */
  static PlanInput single(String yaml, Metadata metadata) {
    return new PlanInput(
        List.of(new PlanInput.ConfigPart("user-data", checked(yaml))),
        metadata,
        PlanOptions.defaults("local-file"));
  }

  /**
   * A valid ed25519 public key line whose data derives from {@code name} (the SHA-256 of it as the
   * key), with {@code name} as its comment.
   */
  static String key(String name) {
    try {
      byte[] raw =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      ByteBuffer blob = ByteBuffer.allocate(4 + 11 + 4 + raw.length);
      blob.putInt(11).put("ssh-ed25519".getBytes(StandardCharsets.US_ASCII));
      blob.putInt(raw.length).put(raw);
      return "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob.array()) + " " + name;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The plan of a one-part input without metadata. */
  static List<Action> plan(String yaml) {
    return Planner.plan(single(yaml, Metadata.empty())).actions();
  }
}
