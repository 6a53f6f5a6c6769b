package dev.kindling.agent;

import dev.kindling.datasource.NoDatasourceException;
import dev.kindling.plan.PlanOptions;
import dev.kindling.validate.FileReport;
import dev.kindling.validate.Validator;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-shot agent behind both launchers: acquire the sources, analyse, plan, apply, report.
 * Every effect beyond the target root's files goes through the {@link AgentEnvironment}; the result
 * is an {@link Outcome}, whose exit status {@link ExitStatus} decides.
 */
public final class Agent {
  private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

  private final AgentEnvironment env;

  /** An agent on {@code env} ({@link AgentEnvironment#system()} in production). */
  public Agent(AgentEnvironment env) {
    this.env = Objects.requireNonNull(env, "env");
  }

  /**
   * Carries out {@code request}. Usage errors (no source, a bad source argument, a bad {@code
   * --oem}) come back before anything is locked, fetched or written.
   */
  public Outcome execute(Request request) {
    SourcePlan.Resolved sources;
    try {
      sources = SourcePlan.resolve(request.sources(), env);
    } catch (SourceUsageException e) {
      return new Outcome.UsageError(e.getMessage());
    }
    return switch (request.command()) {
      case FETCH -> fetch(request, sources);
      case VALIDATE -> validate(request, sources);
      case RENDER ->
          request.root().isPresent()
              ? new ApplyFlow(env, request, sources).run()
              : plan(request, sources);
      case RUN -> new ApplyFlow(env, request, sources).run();
    };
  }

  private Outcome fetch(Request request, SourcePlan.Resolved sources) {
    return acquire(request, sources, SourceAcquirer.Fetch.ALL, Outcome.Fetched::new);
  }

  /** The launcher's {@code -validate}: the user data as delivered, validated. */
  private Outcome validate(Request request, SourcePlan.Resolved sources) {
    return acquire(request, sources, SourceAcquirer.Fetch.USER_DATA, Agent::validated);
  }

  private static Outcome validated(Acquired acquired) {
    FileReport report =
        Validator.validate("user-data", acquired.userData().orElse(new byte[0]), Optional.empty());
    return new Outcome.Validated(acquired, report);
  }

  /**
   * {@code then} on what the sources deliver ({@code what}), or the outcome that says why they
   * delivered nothing.
   */
  private Outcome acquire(
      Request request,
      SourcePlan.Resolved sources,
      SourceAcquirer.Fetch what,
      Function<Acquired, Outcome> then) {
    Acquired acquired;
    try {
      acquired = SourceAcquirer.acquire(sources, request.timeout(), env, what);
    } catch (NoDatasourceException e) {
      return new Outcome.NoDatasource(e.getMessage());
    } catch (SourceAcquirer.SourceFailedException e) {
      return new Outcome.DatasourceFailed(e.datasource(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome.Failed("interrupted while waiting for a datasource");
    }
    return then.apply(acquired);
  }

  /** {@code render} without a root: the plan only, nothing written. */
  private Outcome plan(Request request, SourcePlan.Resolved sources) {
    Outcome fetched = fetch(request, sources);
    if (!(fetched instanceof Outcome.Fetched f)) {
      return fetched;
    }
    return new Outcome.Planned(
        prepare(env, request, sources, f.acquired()), f.acquired().failures());
  }

  /** Runs the pipeline on what the datasource delivered. */
  static Pipeline.Prepared prepare(
      AgentEnvironment env, Request request, SourcePlan.Resolved sources, Acquired acquired) {
    LOG.info(
        "Fetched user-data and meta-data from datasource of type \"{}\"", acquired.datasource());
    PlanOptions given = request.plan();
    // An explicit --convert-netconf wins over the one an OEM preset sets.
    String netconf =
        given.convertNetconf().isEmpty() ? sources.convertNetconf() : given.convertNetconf();
    PlanOptions options =
        new PlanOptions(given.sshKeyName(), given.workspace(), netconf, acquired.datasource());
    return Pipeline.prepare(
        acquired.datasource(),
        acquired.userData().orElse(new byte[0]),
        request
            .metadata()
            .map(m -> SourceAcquirer.checkMetadata(m).metadata())
            .orElse(acquired.metadata()),
        env.variables(),
        options);
  }
}
