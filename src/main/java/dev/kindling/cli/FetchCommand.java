package dev.kindling.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.datasource.DatasourceException;
import dev.kindling.metadata.Metadata;
import dev.kindling.metadata.MetadataJson;
import dev.kindling.userdata.UserData;
import java.io.PrintWriter;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
    description = "Show what a datasource delivers (user data only with --show-secrets).")
public final class FetchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SourceOptions sources = new SourceOptions();

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
      description = "Overall deadline for finding a datasource and fetching (default: 60).",
      defaultValue = "60")
  long timeoutSeconds;

  /** Where sources come from; tests replace it. */
  SourceEnvironment environment = SourceEnvironment.system();

  @Override
  public Integer call() {
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
    Acquired acquired;
    try {
      acquired = SourceAcquirer.acquire(sources, Duration.ofSeconds(timeoutSeconds), environment);
    } catch (DatasourceException e) {
      err.println("kindling fetch: " + e.getMessage());
      return SourceAcquirer.exitCode(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("kindling fetch: interrupted");
      return ExitCodes.FAILED;
    }
    if (format.equals("json")) {
      out.println(json(acquired));
    } else {
      text(acquired, out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private String json(Acquired a) {
    byte[] raw = a.userData().orElse(new byte[0]);
    UserData ud = UserData.classify(raw);
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("datasource", a.datasource());
    ObjectNode u = root.putObject("userData");
    u.put("type", ud.kind().label());
    u.put("bytes", raw.length);
    u.put("sha256", sha256(raw));
    u.put("gzip", ud.gzipped());
    if (showSecrets) {
      u.put("text", ud.text());
    }
    root.set("metadata", MetadataJson.toJson(a.metadata()));
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
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
            + sha256(raw));
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

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
