package dev.kindling.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kindling.apply.ApplyResult;
import dev.kindling.apply.StepStatus;
import dev.kindling.datasource.CommandRunner;
import dev.kindling.datasource.Datasource;
import dev.kindling.datasource.DatasourceLocator;
import dev.kindling.datasource.Deadline;
import dev.kindling.datasource.FakeCommandRunner;
import dev.kindling.datasource.Fixtures;
import dev.kindling.datasource.UrlDatasource;
import dev.kindling.datasource.vmware.VmwareGuestinfoDatasource;
import dev.kindling.metadata.Metadata;
import dev.kindling.plan.PlanOptions;
import dev.kindling.plan.PlanPrinter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The agent on a fake machine: every effect through the test's {@link AgentEnvironment}. */
@Timeout(60)
class AgentTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @TempDir Path tmp;

  /** A machine whose only source is {@code source}, found by {@code --auto}'s locator. */
  private AgentEnvironment machineWith(Datasource source) throws IOException {
    DatasourceLocator locator =
        new DatasourceLocator() {
          @Override
          public String name() {
            return "test";
          }

          @Override
          public List<Datasource> locate(Deadline deadline) {
            return List.of(source);
          }
        };
    return TestEnvironments.machine(tmp, "QEMU", "", List.of(locator), noPrograms());
  }

  private static CommandRunner noPrograms() {
    return (command, deadline) -> {
      throw new IOException("no program runs here: " + command.get(0));
    };
  }

  private Path root() throws IOException {
    return Files.createDirectories(tmp.resolve("root"));
  }

  private Request run() throws IOException {
    return Request.run(
        SourceSelection.none().withAuto(),
        TIMEOUT,
        root(),
        SystemdMode.NONE,
        Optional.empty(),
        PlanOptions.defaults(""),
        false);
  }

  private JsonNode report() throws IOException {
    return new ObjectMapper().readTree(root().resolve("run/kindling/report.json").toFile());
  }

  @Test
  void fetch_failureAfterSelection_datasourceFailedWithTheReason() throws IOException {
    Agent agent =
        new Agent(
            machineWith(ScriptedDatasource.failingUserData("failed to fetch user-data: 500")));

    Outcome outcome = agent.execute(Request.fetch(SourceSelection.none().withAuto(), TIMEOUT));

    assertThat(outcome)
        .isEqualTo(new Outcome.DatasourceFailed("scripted", "failed to fetch user-data: 500"));
    assertThat(ExitStatus.of(outcome, Launcher.KINDLING)).isEqualTo(ExitStatus.FAILED);
    assertThat(ExitStatus.of(outcome, Launcher.COREOS_CLOUDINIT)).isEqualTo(ExitStatus.FAILED);
  }

  @Test
  void run_failureAfterSelection_nothingAppliedAndTheReportSaysWhy() throws IOException {
    Agent agent =
        new Agent(
            machineWith(ScriptedDatasource.failingUserData("failed to fetch user-data: 500")));

    Outcome outcome = agent.execute(run());

    assertThat(outcome)
        .isEqualTo(new Outcome.DatasourceFailed("scripted", "failed to fetch user-data: 500"));
    assertThat(root().resolve("etc")).doesNotExist();
    JsonNode report = report();
    assertThat(report.get("datasource").asText()).isEqualTo("scripted");
    assertThat(report.get("error").asText()).isEqualTo("failed to fetch user-data: 500");
    assertThat(report.get("exitStatus").asInt()).isEqualTo(1);
    assertThat(report.has("actions")).isFalse();
  }

  @Test
  void run_metadataListingFailure_appliesWhatIsKnownAndExits1() throws IOException {
    Metadata partial =
        new Metadata(
            Optional.of("i-1"),
            Optional.of("meta-host"),
            Optional.empty(),
            Optional.of("10.0.0.5"),
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            Optional.empty());
    Agent agent =
        new Agent(
            machineWith(
                ScriptedDatasource.delivering(
                    "#cloud-config\nwrite_files:\n  - path: /etc/ip\n    content: $private_ipv4\n",
                    partial,
                    "failed to fetch public-keys/: HTTP 500")));

    Outcome outcome = agent.execute(run());

    assertThat(outcome).isInstanceOf(Outcome.Applied.class);
    Outcome.Applied applied = (Outcome.Applied) outcome;
    assertThat(applied.datasourceFailures())
        .containsExactly("failed to fetch public-keys/: HTTP 500");
    ApplyResult result = applied.result().orElseThrow();
    assertThat(result.anyFailed()).isFalse();
    assertThat(result.steps())
        .extracting(s -> s.action().type())
        .contains("set-hostname", "write-file");
    assertThat(result.steps())
        .filteredOn(s -> s.action().type().equals("set-hostname"))
        .extracting(s -> s.outcome().status())
        .containsExactly(StepStatus.OK);
    assertThat(root().resolve("etc/hostname")).hasContent("meta-host");
    assertThat(root().resolve("etc/ip")).hasContent("10.0.0.5");
    assertThat(ExitStatus.of(outcome, Launcher.KINDLING)).isEqualTo(ExitStatus.FAILED);
    JsonNode report = report();
    assertThat(report.get("datasourceFailures").get(0).asText())
        .isEqualTo("failed to fetch public-keys/: HTTP 500");
    assertThat(report.get("exitStatus").asInt()).isEqualTo(1);
  }

  @Test
  void run_badSourceArgument_usageErrorBeforeTheLock() throws IOException {
    Agent agent = new Agent(TestEnvironments.plain(tmp));

    Outcome outcome =
        agent.execute(
            Request.run(
                SourceSelection.none().with(UrlDatasource.TYPE, "ftp://x/"),
                TIMEOUT,
                root(),
                SystemdMode.NONE,
                Optional.empty(),
                PlanOptions.defaults(""),
                false));

    assertThat(outcome).isInstanceOf(Outcome.UsageError.class);
    assertThat(((Outcome.UsageError) outcome).message()).startsWith("--from-url value: ");
    assertThat(ExitStatus.of(outcome, Launcher.KINDLING)).isEqualTo(ExitStatus.USAGE);
    assertThat(root().resolve("run")).doesNotExist();
  }

  @Test
  void run_noDatasource_exit2ForKindlingAnd1ForTheLauncher() throws IOException {
    Agent agent = new Agent(TestEnvironments.plain(tmp));

    Outcome outcome =
        agent.execute(
            Request.run(
                SourceSelection.none()
                    .with(
                        dev.kindling.datasource.FileDatasource.TYPE,
                        tmp.resolve("absent").toString()),
                Duration.ofSeconds(1),
                root(),
                SystemdMode.NONE,
                Optional.empty(),
                PlanOptions.defaults(""),
                false));

    assertThat(outcome).isInstanceOf(Outcome.NoDatasource.class);
    assertThat(((Outcome.NoDatasource) outcome).message())
        .startsWith("no datasource available in time; tried local-file");
    assertThat(ExitStatus.of(outcome, Launcher.KINDLING)).isEqualTo(ExitStatus.USAGE);
    assertThat(ExitStatus.of(outcome, Launcher.COREOS_CLOUDINIT)).isEqualTo(ExitStatus.FAILED);
    assertThat(report().get("error").asText()).startsWith("no datasource available in time");
  }

  /** A vmware-rpctool that answers from {@code vmware/<fixture>/guestinfo.properties}. */
  private static CommandRunner rpctool(String fixture) throws IOException {
    Properties values = new Properties();
    try (Reader in =
        Files.newBufferedReader(
            Fixtures.path("vmware/" + fixture + "/guestinfo.properties"), StandardCharsets.UTF_8)) {
      values.load(in);
    }
    return new FakeCommandRunner(
        c -> {
          String value = values.getProperty(c.get(1).substring("info-get ".length()));
          return value == null
              ? FakeCommandRunner.fail(1, "No value found\n")
              : FakeCommandRunner.ok(value + "\n");
        });
  }

  @Test
  void render_oemVmware_convertsTheNetworkConfigLikeTheLauncher() throws IOException {
    Agent agent =
        new Agent(TestEnvironments.machine(tmp, "VMware, Inc.", "", List.of(), rpctool("static")));

    Outcome outcome =
        agent.execute(
            Request.render(
                SourceSelection.none().withOem("vmware"),
                TIMEOUT,
                Optional.empty(),
                Optional.empty(),
                PlanOptions.defaults("")));

    assertThat(outcome).isInstanceOf(Outcome.Planned.class);
    Outcome.Planned planned = (Outcome.Planned) outcome;
    assertThat(planned.prepared().datasource()).isEqualTo("vmware-guestinfo");
    assertThat(PlanPrinter.json(planned.prepared().plan()))
        .contains("/run/systemd/network/00-eth0.network")
        .doesNotContain("\"type\": \"rejected\"");
    assertThat(ExitStatus.of(outcome, Launcher.KINDLING)).isEqualTo(ExitStatus.OK);
  }

  @Test
  void render_explicitConvertNetconfWinsOverThePreset() throws IOException {
    Agent agent =
        new Agent(TestEnvironments.machine(tmp, "VMware, Inc.", "", List.of(), rpctool("static")));

    Outcome outcome =
        agent.execute(
            Request.render(
                SourceSelection.none().withOem("vmware"),
                TIMEOUT,
                Optional.empty(),
                Optional.empty(),
                new PlanOptions(
                    PlanOptions.DEFAULT_SSH_KEY_NAME,
                    PlanOptions.DEFAULT_WORKSPACE,
                    "debian",
                    "")));

    String plan = PlanPrinter.json(((Outcome.Planned) outcome).prepared().plan());
    assertThat(plan).contains("the datasource supplied no debian network config");
  }

  @Test
  void render_vmwareOvfEnvironment_isWired() throws IOException {
    Agent agent = new Agent(TestEnvironments.plain(tmp));

    Outcome outcome =
        agent.execute(
            Request.render(
                SourceSelection.none()
                    .with(
                        VmwareGuestinfoDatasource.OVF_ENV,
                        Fixtures.path("vmware/ovf-env/ovf-env.xml").toString()),
                TIMEOUT,
                Optional.empty(),
                Optional.empty(),
                PlanOptions.defaults("")));

    assertThat(outcome).isInstanceOf(Outcome.Planned.class);
    Outcome.Planned planned = (Outcome.Planned) outcome;
    assertThat(planned.prepared().datasource()).isEqualTo("vmware-ovf-env");
    assertThat(PlanPrinter.text(planned.prepared().plan())).contains("from-vmware");
  }

  @Test
  void validate_userDataOnly_findingsDecideTheStatus() throws IOException {
    Agent agent =
        new Agent(
            machineWith(
                ScriptedDatasource.delivering(
                    "#cloud-config\nbogus_key: 1\n",
                    Metadata.empty(),
                    "never read: -validate stops before the metadata")));

    Outcome outcome = agent.execute(Request.validate(SourceSelection.none().withAuto(), TIMEOUT));

    assertThat(outcome).isInstanceOf(Outcome.Validated.class);
    Outcome.Validated validated = (Outcome.Validated) outcome;
    assertThat(validated.acquired().failures()).isEmpty();
    assertThat(validated.report().entries()).hasSize(1);
    assertThat(ExitStatus.of(outcome, Launcher.COREOS_CLOUDINIT)).isEqualTo(ExitStatus.FAILED);
  }
}
