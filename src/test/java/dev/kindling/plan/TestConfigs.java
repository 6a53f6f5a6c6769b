package dev.kindling.plan;

import dev.kindling.config.CloudConfig;
import dev.kindling.config.bind.ConfigBinder;
import dev.kindling.config.yaml.YamlParser;
import dev.kindling.metadata.Metadata;
import java.util.List;

/** Builds planner inputs from cloud-config text, as the pipeline does. */
final class TestConfigs {
  private TestConfigs() {}

  /** The bound config of a cloud-config document. */
  static CloudConfig parse(String yaml) {
    return ConfigBinder.bind(YamlParser.parse(yaml)).config();
  }

  /** A one-part input with default options for the {@code local-file} source. */
  static PlanInput single(String yaml, Metadata metadata) {
    return new PlanInput(
        List.of(new PlanInput.ConfigPart("user-data", parse(yaml))),
        metadata,
        PlanOptions.defaults("local-file"));
  }

  /** The plan of a one-part input without metadata. */
  static List<Action> plan(String yaml) {
    return Planner.plan(single(yaml, Metadata.empty())).actions();
  }
}
