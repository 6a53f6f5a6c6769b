package dev.kindling.cli;

import dev.kindling.config.Severity;
import dev.kindling.validate.FileReport;
import dev.kindling.validate.TextReportPrinter;
import dev.kindling.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kindling validate}: lint cloud-config files, directories or standard input. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Validate cloud-config user data (files, directories, or - for stdin).")
public final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--strict", description = "Exit 1 on warnings too, not only on errors.")
  boolean strict;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, directories or -.")
  List<String> paths = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<FileReport> reports = new ArrayList<>();
    boolean unreadable = false;
    for (String p : paths) {
      try {
        for (Path file : expand(p)) {
          reports.add(
              Validator.validate(file.toString(), Files.readAllBytes(file), Optional.empty()));
        }
      } catch (IOException e) {
        err.println("kindling validate: cannot read " + p + ": " + e.getMessage());
        unreadable = true;
      }
    }
    new TextReportPrinter(out).print(reports);
    if (unreadable) {
      return ExitCodes.USAGE;
    }
    boolean failed =
        reports.stream()
            .anyMatch(
                r -> r.count(Severity.ERROR) > 0 || (strict && r.count(Severity.WARNING) > 0));
    return failed ? ExitCodes.FAILED : ExitCodes.OK;
  }

  private static List<Path> expand(String p) throws IOException {
    Path path = Path.of(p);
    if (!Files.isDirectory(path)) {
      if (!Files.isReadable(path)) {
        throw new IOException("no such file");
      }
      return List.of(path);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      return walk.filter(Files::isRegularFile)
          .filter(ValidateCommand::isUserData)
          .sorted()
          .toList();
    }
  }

  private static boolean isUserData(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml")
        || name.endsWith(".yml")
        || name.equals("user-data")
        || name.equals("user_data");
  }
}
