package dev.kindling.cli;

import dev.kindling.agent.Agent;
import dev.kindling.agent.AgentEnvironment;
import dev.kindling.agent.ExitStatus;
import dev.kindling.agent.Launcher;
import dev.kindling.agent.Outcome;
import dev.kindling.agent.Pipeline;
import dev.kindling.agent.Request;
import dev.kindling.agent.SourceSelection;
import dev.kindling.config.Finding;
import dev.kindling.config.Severity;
import dev.kindling.metadata.Metadata;
import dev.kindling.metadata.MetadataJson;
import dev.kindling.plan.Plan;
import dev.kindling.plan.PlanOptions;
import dev.kindling.plan.PlanPrinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kindling render}: the dry run. Prints the plan; with {@code --root DIR} also writes every
 * file under DIR and records (never runs) commands and systemd calls.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    modelTransformer = RenderCommand.SharedOptions.class,
    description = {
      "Show what run would do, without changing this machine.",
      "With --root DIR, write the files under DIR and record the commands and systemd calls in"
          + " DIR/run/kindling/report.json; nothing is run. Exit status: 0 planned, 1 the user"
          + " data has errors (the plan is still printed), 2 usage error or no datasource."
    })
public final class RenderCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--metadata",
      paramLabel = "FILE",
      description = "Metadata JSON (the fetch format) to use instead of the datasource's.")
  Path metadata;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "Materialise the plan under DIR (never /).")
  Path root;

  @Option(
      names = "--format",
      paramLabel = "text|json|dot",
      description = "Plan format (default: ${DEFAULT-VALUE}); dot: the units as a Graphviz graph.")
  String format = "text";

  /**
   * The machine the agent works on, made when the command runs (after the log level is set); tests
   * replace it.
   */
  Supplier<AgentEnvironment> environment = () -> AgentEnvironment.system();

  @Override
  public Integer call() {
    LoggingOptions.apply(spec);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!format.equals("text") && !format.equals("json") && !format.equals("dot")) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for option '--format': '" + format + "'");
    }
    PlanOptions planOptions = ApplyOptions.planOptions(spec);
    Optional<Metadata> override = Optional.empty();
    if (metadata != null) {
      try {
        override = Optional.of(MetadataJson.read(Files.readAllBytes(metadata)));
      } catch (IOException e) {
        err.println(
            "kindling render: failed to read metadata "
                + metadata
                + ": "
                + ValidateCommand.reason(e));
        return ExitStatus.USAGE;
      }
    }
    Optional<SourceSelection> sources = FromFileCheck.selection(spec, "kindling render", err);
    if (sources.isEmpty()) {
      return ExitStatus.USAGE;
    }
    Outcome outcome =
        new Agent(environment.get())
            .execute(
                Request.render(
                    sources.get(),
                    Duration.ofSeconds(Math.max(1, ApplyOptions.timeoutSeconds(spec))),
                    override,
                    Optional.ofNullable(root),
                    planOptions));
    Optional<Pipeline.Prepared> prepared = Optional.empty();
    if (outcome instanceof Outcome.Planned p) {
      prepared = Optional.of(p.prepared());
    } else if (outcome instanceof Outcome.Applied a) {
      prepared = Optional.of(a.prepared());
    }
    int status = ExitStatus.of(outcome, Launcher.KINDLING);
    if (prepared.isPresent()) {
      long errors = prepared.get().validation().count(Severity.ERROR);
      if (errors > 0 && status == ExitStatus.OK) {
        status = ExitStatus.FAILED;
      }
      print(prepared.get(), status, out);
      if (errors > 0) {
        err.println(
            "kindling render: the user data has "
                + errors
                + (errors == 1 ? " error" : " errors")
                + " (logged above); the plan leaves out what "
                + (errors == 1 ? "it names" : "they name"));
      }
    }
    OutcomeErrors.print("kindling render", outcome, err);
    return status;
  }

  /** The plan JSON of {@code render --format json}, with the findings and the exit status. */
  static String json(Pipeline.Prepared prepared, int status) {
    List<Finding> findings = new ArrayList<>();
    prepared.validation().entries().forEach(e -> findings.add(e.finding()));
    return PlanPrinter.json(prepared.plan(), prepared.datasource(), findings, status);
  }

  private void print(Pipeline.Prepared prepared, int status, PrintWriter out) {
    Plan plan = prepared.plan();
    out.print(
        switch (format) {
          case "json" -> json(prepared, status);
          case "dot" -> PlanPrinter.dot(plan);
          default -> PlanPrinter.text(plan, LoggingOptions.colorOn(spec));
        });
    out.flush();
  }

  /** Adds the options {@code render} shares with {@code run} and {@code fetch} to its model. */
  public static final class SharedOptions implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      LoggingOptions.addTo(spec);
      ApplyOptions.addTo(spec, ApplyOptions.DEFAULT_TIMEOUT_SECONDS);
      SourceOptions.addTo(spec);
      return spec;
    }
  }
}
