package dev.kindling.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.kindling.agent.ExitStatus;
import dev.kindling.analysis.MetadataCheck;
import dev.kindling.metadata.Metadata;
import dev.kindling.metadata.MetadataJson;
import dev.kindling.trace.StartupTrace;
import dev.kindling.validate.JsonReportPrinter;
import dev.kindling.validate.ReportPrinter;
import dev.kindling.validate.SarifReportPrinter;
import dev.kindling.validate.Summary;
import dev.kindling.validate.TextReportPrinter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
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
    description = {
      "Validate user data: cloud-config, scripts, Ignition, gzip and multipart MIME.",
      "Exit status: 0 no errors, 1 errors (with --strict also warnings), 2 usage error or"
          + " unreadable path."
    })
public final class ValidateCommand implements Callable<Integer> {
  /** The output formats. */
  enum Format {
    TEXT,
    JSON,
    SARIF
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = FormatConverter.class,
      description = "Output format: text (default), json or sarif.")
  Format format = Format.TEXT;

  @Option(names = "--strict", description = "Exit 1 on warnings too, not only on errors.")
  boolean strict;

  @Option(
      names = "--metadata",
      paramLabel = "FILE",
      description = "Metadata JSON (the fetch format) for resolving $private_ipv4 and friends.")
  Path metadataFile;

  @Parameters(
      paramLabel = "PATH",
      arity = "1..*",
      description =
          "Files, directories (every *.yaml, *.yml, user-data, user_data below them), or - for"
              + " standard input.")
  List<String> paths = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    return execute(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** Validates with the options set and returns the exit status. */
  int execute(PrintWriter stdout, PrintWriter err) throws IOException {
    Optional<Metadata> metadata;
    try {
      metadata = readMetadata();
    } catch (IOException e) {
      err.println("kindling validate: failed to read metadata " + metadataFile + ": " + reason(e));
      return ExitStatus.USAGE;
    }
    if (metadata.isPresent()) {
      // The values run would drop are not substituted either.
      MetadataCheck.Checked checked = MetadataCheck.check(metadata.get());
      checked.dropped().forEach(d -> err.println("kindling validate: " + d));
      metadata = Optional.of(checked.metadata());
    }
    InputCollector inputs = new InputCollector(System.in, err);
    // One buffered writer for the whole report: the console stream flushes on every line. Each
    // input's findings are printed as soon as it and the inputs before it are validated.
    PrintWriter out = new PrintWriter(new BufferedWriter(stdout, 1 << 16), false);
    ReportPrinter printer = printer(out);
    Summary.Counter counter = new Summary.Counter();
    printer.begin();
    try (ParallelValidation validation =
        new ParallelValidation(
            metadata,
            report -> {
              counter.add(report);
              printer.file(report);
            })) {
      for (String p : paths) {
        inputs.collect(p, (name, bytes) -> submit(validation, name, bytes));
      }
      validation.finish();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    printer.end();
    out.flush();
    StartupTrace.mark("validated and printed");
    if (inputs.failed()) {
      return ExitStatus.USAGE;
    }
    Summary summary = counter.summary();
    boolean failed = summary.errors() > 0 || (strict && summary.warnings() > 0);
    return ExitStatus.ofValidation(failed);
  }

  private Optional<Metadata> readMetadata() throws IOException {
    if (metadataFile == null) {
      return Optional.empty();
    }
    return Optional.of(MetadataJson.read(Files.readAllBytes(metadataFile)));
  }

  private static void submit(ParallelValidation validation, String name, byte[] bytes) {
    try {
      validation.submit(name, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ReportPrinter printer(PrintWriter out) {
    return switch (format) {
      case JSON -> new JsonReportPrinter(out);
      case SARIF -> new SarifReportPrinter(out, version());
      default -> new TextReportPrinter(out);
    };
  }

  private static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** Why reading failed, in a few words (no stack trace, no file content). */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    if (e instanceof JsonProcessingException json) {
      JsonLocation at = json.getLocation();
      return json.getOriginalMessage()
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr());
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
  }

  /** Accepts {@code text}, {@code json} and {@code sarif} in any case. */
  static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "unknown format '" + value + "' (expected text, json or sarif)");
      }
    }
  }
}
