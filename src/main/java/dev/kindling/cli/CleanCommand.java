package dev.kindling.cli;

import dev.kindling.agent.ExitStatus;
import dev.kindling.agent.InstanceState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kindling clean}: forgets the per-instance state (for image builders), so the next boot
 * runs {@code runcmd} and the appends again, as on a new instance.
 */
@Command(
    name = "clean",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    modelTransformer = LoggingOptions.Transformer.class,
    description = "Forget the per-instance state: the next run is a first boot.")
public final class CleanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--root", paramLabel = "DIR", description = "The root to clean (default /).")
  Path root = Path.of("/");

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      boolean removed = InstanceState.clean(root);
      out.println(
          removed
              ? "removed " + root.resolve(InstanceState.DIR.substring(1))
              : "nothing to clean: " + root.resolve(InstanceState.DIR.substring(1)) + " is absent");
      out.flush();
      return ExitStatus.OK;
    } catch (IOException e) {
      err.println("kindling clean: " + e.getMessage());
      err.flush();
      return ExitStatus.FAILED;
    }
  }
}
