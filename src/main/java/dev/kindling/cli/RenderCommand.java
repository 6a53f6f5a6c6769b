package dev.kindling.cli;

import dev.kindling.agent.Agent;
import dev.kindling.agent.AgentEnvironment;
import dev.kindling.agent.ExitStatus;
import dev.kindling.agent.Launcher;
import dev.kindling.agent.Outcome;
import dev.kindling.agent.Request;
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
      "Show what run would do. With --root DIR, write the files under DIR and record the",
      "commands and systemd calls in DIR/run/kindling/report.json; nothing is run."
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
        err.println("kindling render: cannot read metadata " + metadata + ": " + e.getMessage());
        return ExitStatus.USAGE;
      }
    }
    Outcome outcome =
        new Agent(environment.get())
            .execute(
                Request.render(
                    SourceOptions.selection(spec),
                    Duration.ofSeconds(Math.max(1, ApplyOptions.timeoutSeconds(spec))),
                    override,
                    Optional.ofNullable(root),
                    planOptions));
    if (outcome instanceof Outcome.Planned p) {
      print(p.prepared().plan(), out);
    } else if (outcome instanceof Outcome.Applied a) {
      print(a.prepared().plan(), out);
    }
    OutcomeErrors.print("kindling render", outcome, err);
    return ExitStatus.of(outcome, Launcher.KINDLING);
  }

  private void print(Plan plan, PrintWriter out) {
    out.print(
        switch (format) {
          case "json" -> PlanPrinter.json(plan);
          case "dot" -> PlanPrinter.dot(plan);
          default -> PlanPrinter.text(plan);
        });
    out.flush();
  }

  /** Adds the options {@code render} shares with {@code run} and {@code fetch} to its model. */
  public static final class SharedOptions implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      LoggingOptions.addTo(spec);
      ApplyOptions.addTo(spec, 60);
      return new SourceOptions().transform(spec);
    }
  }
}
