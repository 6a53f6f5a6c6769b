package dev.kindling.cli;

import dev.kindling.apply.HostRoot;
import dev.kindling.apply.systemd.SystemdManagers;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    description = {
      "Show what run would do. With --root DIR, write the files under DIR and record the",
      "commands and systemd calls in DIR/run/kindling/report.json; nothing is run."
    })
public final class RenderCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SourceOptions sources = new SourceOptions();

  @Mixin LoggingOptions logging = new LoggingOptions();

  @Mixin ApplyOptions options = new ApplyOptions(60);

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
      paramLabel = "text|json",
      description = "Plan format (default: ${DEFAULT-VALUE}).")
  String format = "text";

  @Override
  public Integer call() {
    logging.apply();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!format.equals("text") && !format.equals("json")) {
      throw new ParameterException(
          spec.commandLine(), "Invalid value for option '--format': '" + format + "'");
    }
    PlanOptions planOptions = options.planOptions(spec);
    if (root != null && HostRoot.is(root)) {
      throw new ParameterException(
          spec.commandLine(),
          "--root must be a directory other than / (also through a link such as /proc/self/root):"
              + " render never changes this system (use run)");
    }
    Optional<Metadata> override = Optional.empty();
    if (metadata != null) {
      try {
        override = Optional.of(MetadataJson.read(Files.readAllBytes(metadata)));
      } catch (IOException e) {
        err.println("kindling render: cannot read metadata " + metadata + ": " + e.getMessage());
        return ExitCodes.USAGE;
      }
    }
    ApplyFlow.Request request =
        new ApplyFlow.Request(
            "render",
            sources,
            override,
            root == null ? Path.of(".") : root,
            SystemdManagers.Mode.NONE,
            Optional.empty(),
            planOptions,
            false,
            Duration.ofSeconds(Math.max(1, options.timeoutSeconds)),
            ExitCodes.USAGE,
            System.getenv());
    if (root != null) {
      return ApplyFlow.run(request, err, prepared -> print(prepared.plan(), out));
    }
    ApplyFlow.Preparation preparation = ApplyFlow.prepare(request);
    if (preparation instanceof ApplyFlow.Stop stop) {
      err.println("kindling render: " + stop.error());
      return stop.status();
    }
    Pipeline.Prepared prepared = ((ApplyFlow.Ready) preparation).prepared();
    print(prepared.plan(), out);
    return prepared.inputProblems().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private void print(Plan plan, PrintWriter out) {
    out.print(format.equals("json") ? PlanPrinter.json(plan) : PlanPrinter.text(plan));
    out.flush();
  }
}
