package dev.kindling.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.agent.Acquired;
import dev.kindling.agent.Agent;
import dev.kindling.agent.AgentEnvironment;
import dev.kindling.agent.ExitStatus;
import dev.kindling.agent.Launcher;
import dev.kindling.agent.Outcome;
import dev.kindling.agent.Request;
import dev.kindling.agent.SourceSelection;
import dev.kindling.metadata.Metadata;
import dev.kindling.metadata.MetadataJson;
import dev.kindling.userdata.UserData;
import dev.kindling.validate.JsonStyle;
import dev.kindling.value.Sha256;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
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
 * {@code kindling fetch}: find the datasource, fetch user data and metadata, and show what arrived
 * (which source, the user-data type, size and sha256, the metadata). The user data itself is shown
 * only with {@code --show-secrets}.
 */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    modelTransformer = FetchCommand.Options.class,
    description = "Show what a datasource delivers (user data only with --show-secrets).")
public final class FetchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output format: text or json (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  String format;

  @Option(names = "--show-secrets", description = "Also print the user data itself.")
  boolean showSecrets;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Deadline for finding a datasource and fetching (default: 120).",
      defaultValue = "120")
  long timeoutSeconds;

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
    if (!format.equals("text") && !format.equals("json")) {
      throw new ParameterException(
          spec.commandLine(), "invalid --format \"" + format + "\"; use text or json");
    }
    if (timeoutSeconds < 1) {
      throw new ParameterException(
          spec.commandLine(), "invalid --timeout " + timeoutSeconds + "; use 1 or more seconds");
    }
    Optional<SourceSelection> sources = FromFileCheck.selection(spec, "kindling fetch", err);
    if (sources.isEmpty()) {
      return ExitStatus.USAGE;
    }
    Outcome outcome =
        new Agent(environment.get())
            .execute(Request.fetch(sources.get(), Duration.ofSeconds(timeoutSeconds)));
    OutcomeErrors.print("kindling fetch", outcome, err);
    if (!(outcome instanceof Outcome.Fetched fetched)) {
      return ExitStatus.of(outcome, Launcher.KINDLING);
    }
    Acquired acquired = fetched.acquired();
    if (format.equals("json")) {
      out.println(json(acquired));
    } else {
      text(acquired, out);
    }
    out.flush();
    return ExitStatus.of(outcome, Launcher.KINDLING);
  }

  private String json(Acquired a) {
    byte[] raw = a.userData().orElse(new byte[0]);
    UserData ud = UserData.classify(raw);
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("datasource", a.datasource());
    ObjectNode u = root.putObject("userData");
    u.put("type", ud.kind().label());
    u.put("bytes", raw.length);
    u.put("sha256", Sha256.hex(raw));
    u.put("gzip", ud.gzipped());
    if (showSecrets) {
      u.put("text", ud.text());
    }
    root.set("metadata", MetadataJson.toJson(a.metadata()));
    if (!a.failures().isEmpty()) {
      ArrayNode failures = root.putArray("datasourceFailures");
      a.failures().forEach(failures::add);
    }
    if (!a.dropped().isEmpty()) {
      ArrayNode dropped = root.putArray("metadataDropped");
      a.dropped().forEach(dropped::add);
    }
    try {
      return new ObjectMapper().writer(JsonStyle.printer()).writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("failed to write JSON", e);
    }
  }

  private void text(Acquired a, PrintWriter out) {
    byte[] raw = a.userData().orElse(new byte[0]);
    UserData ud = UserData.classify(raw);
    Metadata m = a.metadata();
    out.println("datasource:    " + a.datasource());
    out.println(
        "user-data:     "
            + (a.userData().isEmpty() ? "none" : ud.kind().label())
            + (ud.gzipped() ? " (gzip)" : "")
            + ", "
            + raw.length
            + " bytes, sha256 "
            + Sha256.hex(raw));
    ud.problem().ifPresent(p -> out.println("               problem: " + p));
    line(out, "instance-id:", m.instanceId());
    line(out, "hostname:", m.hostname());
    line(out, "public-ipv4:", m.publicIpv4());
    line(out, "private-ipv4:", m.privateIpv4());
    line(out, "public-ipv6:", m.publicIpv6());
    line(out, "private-ipv6:", m.privateIpv6());
    if (m.sshPublicKeys().isEmpty()) {
      out.println("ssh-keys:      -");
    } else {
      out.println("ssh-keys:");
      for (Map.Entry<String, String> k : m.sshPublicKeys().entrySet()) {
        out.println("  " + k.getKey() + ": " + k.getValue());
      }
    }
    m.networkConfig()
        .ifPresent(
            n ->
                out.println(
                    "network-config: " + n.format() + ", " + n.content().length() + " characters"));
    if (showSecrets && a.userData().isPresent()) {
      out.println("--- user-data ---");
      out.print(ud.text());
      if (!ud.text().endsWith("\n")) {
        out.println();
      }
      out.println("--- end of user-data ---");
    }
  }

  private static void line(PrintWriter out, String label, Optional<String> value) {
    out.println(String.format("%-15s%s", label, value.orElse("-")));
  }

  /** Adds the common options and the datasource options to the model. */
  public static final class Options implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      LoggingOptions.addTo(spec);
      SourceOptions.addTo(spec);
      return spec;
    }
  }
}
