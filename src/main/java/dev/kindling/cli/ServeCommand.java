package dev.kindling.cli;

import dev.kindling.agent.ExitStatus;
import dev.kindling.agent.Pipeline;
import dev.kindling.config.Severity;
import dev.kindling.metadata.Metadata;
import dev.kindling.plan.PlanOptions;
import dev.kindling.serve.ServeSettings;
import dev.kindling.serve.ValidatorServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kindling serve}: the validator as a web page and an HTTP API, on loopback unless told
 * otherwise. Runs until Ctrl-C or SIGTERM.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    modelTransformer = LoggingOptions.Transformer.class,
    description = {
      "Serve the validator as a web page and an HTTP API (POST /v1/validate, POST /v1/render,"
          + " GET /healthz).",
      "User data is never logged or stored; request logs go to standard error."
    })
public final class ServeCommand implements Callable<Integer> {
  /** The datasource name plans rendered by the server carry, as {@code render --from-file}. */
  static final String DATASOURCE = "local-file";

  @Spec CommandSpec spec;

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}; port 0 picks a free one; IPv6 as"
              + " [::1]:8080).")
  String listen = "127.0.0.1:8080";

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "Validations that run at once (default: the number of processors).")
  int workers = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--queue",
      paramLabel = "N",
      description = "Requests that may wait for a worker; beyond, 429 (default: ${DEFAULT-VALUE}).")
  int queue = ServeSettings.QUEUE;

  @Override
  public Integer call() throws IOException, InterruptedException {
    LoggingOptions.apply(spec);
    // The pipeline logs findings with line numbers; a server's log carries only request lines.
    System.setProperty("org.slf4j.simpleLogger.log.dev.kindling", "off");
    if (workers < 1 || queue < 0) {
      throw new ParameterException(spec.commandLine(), "--workers must be ≥ 1 and --queue ≥ 0");
    }
    InetSocketAddress address = parseListen(listen);
    ServeSettings settings =
        new ServeSettings(
            address,
            workers,
            queue,
            ServeSettings.MAX_BODY_BYTES,
            Duration.ofSeconds(10),
            version());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ValidatorServer server;
    try {
      server = ValidatorServer.start(settings, ServeCommand::renderPlan, err);
    } catch (IOException e) {
      err.println("kindling serve: cannot listen on " + listen + ": " + e.getMessage());
      return ExitStatus.FAILED;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    StdStreams.shutdownHookAdded();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "kindling-serve-stop"));
    out.println("listening on " + server.url());
    out.flush();
    stopped.await();
    return ExitStatus.OK;
  }

  /** The plan JSON of {@code render --from-file F --metadata M --format json}, with no env. */
  static String renderPlan(byte[] userData, Metadata metadata) {
    Pipeline.Prepared prepared =
        Pipeline.prepare(
            DATASOURCE, userData, metadata, Map.of(), PlanOptions.defaults(DATASOURCE));
    int status =
        prepared.validation().count(Severity.ERROR) > 0 ? ExitStatus.FAILED : ExitStatus.OK;
    return RenderCommand.json(prepared, status);
  }

  private InetSocketAddress parseListen(String value) {
    int colon = value.lastIndexOf(':');
    if (colon <= 0 || colon == value.length() - 1) {
      throw usage("--listen must be HOST:PORT, e.g. 127.0.0.1:8080 (got '" + value + "')");
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw usage("--listen: write an IPv6 address in brackets, e.g. [::1]:8080");
    }
    int port;
    try {
      port = Integer.parseInt(value.substring(colon + 1));
    } catch (NumberFormatException e) {
      port = -1;
    }
    if (port < 0 || port > 65535) {
      throw usage("--listen: the port must be a number from 0 to 65535");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), port);
    } catch (UnknownHostException e) {
      throw usage("--listen: unknown host '" + host + "'");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
