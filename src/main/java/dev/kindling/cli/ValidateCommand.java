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
import dev.kindling.value.FailureText;
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
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code kindling validate}: lint cloud-config files, directories or standard input. Its options
 * are one table ({@link #options}), from which its picocli model is built ({@link #spec}: help,
 * completion, man pages, errors) and with which {@link Main} parses the usual command lines
 * directly, without starting picocli ({@link OptionTable}).
 */
public final class ValidateCommand implements Callable<Integer> {
  /** The output formats. */
  enum Format {
    TEXT,
    JSON,
    SARIF
  }

  private static final String FORMAT = "--format";
  private static final String STRICT = "--strict";
  private static final String METADATA = "--metadata";
  private static final String EXCLUDE = "--exclude";
  private static final ChoiceConverter<Format> FORMAT_CHOICE =
      new ChoiceConverter<>(Format.class, "format");

  /** The model this command was parsed with, when picocli parsed it. */
  private CommandSpec spec;

  Format format = Format.TEXT;

  boolean strict;

  Path metadataFile;

  List<String> excludes = new ArrayList<>();

  List<String> paths = new ArrayList<>();

  /** {@code -q}: no summary line (set from the parsed command line). */
  boolean quiet;

  /** {@code --color} (set from the parsed command line). */
  LoggingOptions.Color color = LoggingOptions.Color.AUTO;

  /**
   * Every option of {@code validate}: its own, the standard help options and the logging options
   * (the order completion scripts list them in).
   */
  static List<CliOption> options() {
    List<CliOption> options = new ArrayList<>();
    options.add(
        CliOption.converted(
            FORMAT,
            "FORMAT",
            Format.class,
            Format.TEXT,
            FORMAT_CHOICE,
            "Output format: text (default), json or sarif."));
    options.add(CliOption.flag("Exit 1 on warnings too, not only on errors.", STRICT));
    options.add(
        CliOption.path(
            METADATA,
            "FILE",
            null,
            "Metadata JSON (the fetch format) for resolving $private_ipv4 and friends."));
    options.add(
        CliOption.list(
            EXCLUDE,
            "GLOB",
            "Skip files and directories below a directory whose path (relative to it) or name"
                + " matches GLOB, e.g. 'vendor/**' or '*.tmpl.yaml'. Repeatable. Hidden directories"
                + " (.git, .github) are always skipped."));
    options.addAll(CommandModels.STANDARD_HELP);
    options.addAll(LoggingOptions.OPTIONS);
    return options;
  }

  /** The command's picocli model, built from {@link #options}; running it runs this command. */
  CommandSpec spec() {
    spec = CommandSpec.wrapWithoutInspection(this);
    spec.name("validate");
    spec.usageMessage()
        .description(
            "Validate user data: cloud-config, scripts, Ignition, gzip and multipart MIME.",
            "Exit status: 0 no errors, 1 errors (with --strict also warnings), 2 usage error,"
                + " unreadable path, or nothing to validate.");
    spec.versionProvider(VersionProvider.instance());
    CommandModels.addTo(spec, options());
    spec.addPositional(
        PositionalParamSpec.builder()
            .paramLabel("PATH")
            .arity("1..*")
            .required(true)
            .type(List.class)
            .auxiliaryTypes(String.class)
            .description(
                "Files, directories (every *.yaml, *.yml, user-data, user_data below them), or -"
                    + " for standard input.")
            .build());
    return spec;
  }

  /** The command with the options of a direct parse, the log level set. */
  static ValidateCommand of(OptionTable.Parsed parsed) {
    ValidateCommand command = new ValidateCommand();
    command.set(parsed, parsed.operands());
    return command;
  }

  @Override
  public Integer call() throws IOException {
    set(CommandModels.values(spec), spec.positionalParameters().get(0).getValue());
    return execute(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** Takes the parsed options and operands and sets the log level. */
  private void set(OptionValues options, List<String> operands) {
    LoggingOptions.apply(options);
    quiet = LoggingOptions.quiet(options);
    color = options.get("--color");
    format = options.get(FORMAT);
    strict = options.<Boolean>get(STRICT);
    metadataFile = options.get(METADATA);
    List<String> excluded = options.get(EXCLUDE);
    excludes = excluded == null ? new ArrayList<>() : new ArrayList<>(excluded);
    paths = new ArrayList<>(operands);
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
    InputCollector inputs = new InputCollector(System.in, err, excludes);
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
    for (String[] u : inputs.unreadable()) {
      printer.unreadable(u[0], u[1]);
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
      default -> new TextReportPrinter(out, LoggingOptions.colorOn(color), quiet);
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
    return FailureText.of(e);
  }

  /**
   * {@code text}, {@code json} or {@code sarif}, in any case.
   *
   * @throws IllegalArgumentException for any other value
   */
  static Format format(String value) {
    return FORMAT_CHOICE.parse(value);
  }
}
