package dev.kindling.cli;

import dev.kindling.lsp.LanguageServerRunner;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kindling lsp}: the language server for editors, over standard input and output. */
@Command(
    name = "lsp",
    mixinStandardHelpOptions = true,
    modelTransformer = LspCommand.Logging.class,
    versionProvider = VersionProvider.class,
    description = {
      "Language Server Protocol over standard input and output, for editors: diagnostics, hover,"
          + " completion and quick fixes for cloud-config user data.",
      "Exit status: 0 after the client's shutdown and exit, 1 when the client left without"
          + " shutdown."
    })
public final class LspCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--stdio",
      description = "Talk over standard input and output (the default and only transport).")
  boolean stdio;

  @Override
  public Integer call() throws InterruptedException {
    LoggingOptions.apply(spec);
    // Only JSON-RPC may reach standard output: anything else printed goes to standard error.
    OutputStream protocol = new FileOutputStream(FileDescriptor.out);
    System.setOut(System.err);
    return LanguageServerRunner.run(System.in, protocol, version());
  }

  private static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** Adds {@code -v} to the model. */
  public static final class Logging implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      LoggingOptions.addTo(spec);
      return spec;
    }
  }
}
