package dev.kindling.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.config.Code;
import dev.kindling.config.Severity;
import dev.kindling.metadata.Metadata;
import dev.kindling.plan.MergeUpdateConf;
import dev.kindling.plan.PlanOptions;
import dev.kindling.plan.RejectedItem;
import dev.kindling.plan.SetHostname;
import dev.kindling.plan.UnitCommand;
import dev.kindling.plan.WriteFile;
import dev.kindling.validate.Entry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The validation report and the plan of a run come from one analysis, and agree. */
class PipelineTest {
  private static final Metadata METADATA =
      new Metadata(
          Optional.of("i-1"),
          Optional.of("meta-host"),
          Optional.empty(),
          Optional.of("10.0.0.5"),
          Optional.empty(),
          Optional.empty(),
          Map.of(),
          Optional.empty());

  private static Pipeline.Prepared prepare(byte[] userData) {
    return Pipeline.prepare(
        "local-file", userData, METADATA, Map.of(), PlanOptions.defaults("local-file"));
  }

  @Test
  void prepare_invalidUtf8_sameFindingAsValidate_onlyMetadataApplied() {
    byte[] text = "#cloud-config\nhostname: caf?\n".getBytes(StandardCharsets.US_ASCII);
    text[text.length - 2] = (byte) 0xe9;

    Pipeline.Prepared prepared = prepare(text);

    Entry error = prepared.validation().entries().get(0);
    assertThat(error.finding().code()).isEqualTo(Code.YAML_SYNTAX);
    assertThat(error.finding().position().orElseThrow().toString()).isEqualTo("2:14");
    assertThat(prepared.inputProblems()).hasSize(1);
    assertThat(prepared.plan().actions().get(0)).isEqualTo(new SetHostname("meta-host"));
    assertThat(prepared.plan().actions())
        .noneMatch(a -> a instanceof SetHostname s && s.hostname().contains("\uFFFD"));
  }

  @Test
  void prepare_everyErrorOfTheReport_isARejectedItemWithItsMessage() {
    String yaml =
        "#cloud-config\n"
            + "write_files:\n"
            + "  - path: /usr/lib/x\n"
            + "    content: x\n"
            + "coreos:\n"
            + "  update:\n"
            + "    reboot_strategy: sometimes\n"
            + "  units:\n"
            + "    - name: web\n"
            + "      command: start\n";

    Pipeline.Prepared prepared = prepare(yaml.getBytes(StandardCharsets.UTF_8));

    List<String> errors =
        prepared.validation().entries().stream()
            .filter(e -> e.finding().severity() == Severity.ERROR)
            .map(e -> e.finding().message())
            .toList();
    List<String> reasons =
        prepared.plan().actions().stream()
            .filter(a -> a instanceof RejectedItem)
            .map(a -> ((RejectedItem) a).reason())
            .toList();
    assertThat(errors).hasSize(3);
    assertThat(reasons).containsExactlyInAnyOrderElementsOf(errors);
    assertThat(prepared.plan().actions())
        .noneMatch(a -> a instanceof WriteFile w && w.path().equals("/usr/lib/x"))
        .noneMatch(a -> a instanceof MergeUpdateConf)
        .noneMatch(a -> a instanceof UnitCommand);
  }
}
