package dev.kindling.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindling.agent.ExitStatus;
import dev.kindling.agent.InstanceState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kindling query KEY}: one metadata value from the last run's fetch, for scripts ({@code
 * kindling query private_ipv4}). Keys are the names of cloud-config's variables without the {@code
 * $}, plus {@code instance_id}, {@code hostname}, {@code datasource} and {@code
 * ssh_public_keys.NAME}. Exit status 1 when the value is absent, 2 for an unknown key.
 */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    modelTransformer = LoggingOptions.Transformer.class,
    description = "Print one metadata value of the last run (e.g. private_ipv4).")
public final class QueryCommand implements Callable<Integer> {
  /** The keys and the fields of the stored metadata they read. */
  static final Map<String, String> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put("instance_id", "instance");
    KEYS.put("hostname", "hostname");
    KEYS.put("public_ipv4", "publicIPv4");
    KEYS.put("private_ipv4", "privateIPv4");
    KEYS.put("public_ipv6", "publicIPv6");
    KEYS.put("private_ipv6", "privateIPv6");
    KEYS.put("datasource", "datasource");
  }

  private static final String KEYS_PREFIX = "ssh_public_keys.";

  @Spec CommandSpec spec;

  @Option(names = "--root", paramLabel = "DIR", description = "The root run wrote to (default /).")
  Path root = Path.of("/");

  @Parameters(
      paramLabel = "KEY",
      description =
          "instance_id, hostname, public_ipv4, private_ipv4, public_ipv6, private_ipv6,"
              + " datasource or ssh_public_keys.NAME")
  String key;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String field = KEYS.get(key);
    if (field == null && !key.startsWith(KEYS_PREFIX)) {
      err.println(
          "kindling query: unknown key \""
              + key
              + "\"; use one of "
              + String.join(", ", KEYS.keySet())
              + ", "
              + KEYS_PREFIX
              + "NAME");
      err.flush();
      return ExitStatus.USAGE;
    }
    Optional<JsonNode> metadata;
    try {
      metadata = InstanceState.metadata(root);
    } catch (IOException e) {
      err.println("kindling query: cannot read the metadata under " + root + ": " + e.getMessage());
      err.flush();
      return ExitStatus.FAILED;
    }
    if (metadata.isEmpty()) {
      err.println(
          "kindling query: no metadata recorded under "
              + root
              + " (kindling run keeps it in "
              + InstanceState.METADATA
              + ")");
      err.flush();
      return ExitStatus.FAILED;
    }
    JsonNode value =
        field != null
            ? metadata.get().path(field)
            : metadata.get().path("sshPublicKeys").path(key.substring(KEYS_PREFIX.length()));
    if (!value.isTextual()) {
      err.println("kindling query: the last run's metadata has no " + key);
      err.flush();
      return ExitStatus.FAILED;
    }
    out.println(value.asText());
    out.flush();
    return ExitStatus.OK;
  }
}
