package dev.kindling.agent;

import dev.kindling.analysis.MetadataCheck;
import dev.kindling.datasource.Datasource;
import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.DatasourceLocator;
import dev.kindling.datasource.DatasourceSelector;
import dev.kindling.datasource.Deadline;
import dev.kindling.datasource.IncludeExpander;
import dev.kindling.datasource.NoDatasourceException;
import dev.kindling.datasource.PartialMetadata;
import dev.kindling.datasource.SourceContext;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.metadata.Metadata;
import dev.kindling.trace.StartupTrace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the resolved sources, selects the one that answers first within the deadline and fetches
 * from it, then closes every client and datasource it made.
 */
final class SourceAcquirer {
  private static final Logger LOG = LoggerFactory.getLogger(SourceAcquirer.class);

  /** What to fetch from the selected source. */
  enum Fetch {
    /** User data and metadata. */
    ALL,
    /** User data only (the launcher's -validate stops before the metadata, as the original). */
    USER_DATA
  }

  /** The selected datasource failed to deliver; the message says what and why. */
  static final class SourceFailedException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String datasource;

    SourceFailedException(String datasource, DatasourceException cause) {
      super(cause.getMessage(), cause);
      this.datasource = datasource;
    }

    String datasource() {
      return datasource;
    }
  }

  private SourceAcquirer() {}

  /**
   * Selects and fetches.
   *
   * @throws NoDatasourceException when no source answered within {@code timeout}
   * @throws SourceFailedException when the selected source failed to deliver its user data or its
   *     metadata as a whole (metadata items that fail are listed in the result instead)
   */
  static Acquired acquire(
      SourcePlan.Resolved sources, Duration timeout, AgentEnvironment env, Fetch what)
      throws NoDatasourceException, SourceFailedException, InterruptedException {
    Deadline deadline = Deadline.in(timeout);
    List<Datasource> made = new ArrayList<>();
    try (MetadataClient client = env.httpClients().get()) {
      SourceContext context = env.sourceContext(client);
      List<DatasourceSelector.Candidate> candidates = new ArrayList<>();
      for (SourceSpec spec : sources.specs()) {
        Datasource ds = spec.type().factory().create(spec.value(), context);
        made.add(ds);
        candidates.add(new DatasourceSelector.Candidate(ds, timeout));
      }
      if (sources.auto()) {
        for (DatasourceLocator locator : env.locators()) {
          for (Datasource ds : locator.locate(deadline)) {
            LOG.info("--auto: {} found {}", locator.name(), ds.type());
            made.add(ds);
            candidates.add(new DatasourceSelector.Candidate(ds, timeout));
          }
        }
        if (candidates.isEmpty()) {
          throw new NoDatasourceException(
              "no datasource available: --auto recognised no platform and found no source (DMI"
                  + " below "
                  + env.dmiRoot()
                  + "; name a source with --from-…)",
              null);
        }
      }
      Datasource ds = new DatasourceSelector(env.probeSchedule()).select(candidates, deadline);
      StartupTrace.mark("datasource selected");
      return fetch(ds, what, timeout, deadline, client);
    } finally {
      closeAll(made);
    }
  }

  /**
   * Fetches from the selected source, and what its {@code #include} user data names. Once a source
   * was selected, every failure is that source's (exit 1 with its reason), also when the deadline
   * ran out while it was being retried: only finding no source in time is "no datasource".
   */
  private static Acquired fetch(
      Datasource ds, Fetch what, Duration timeout, Deadline deadline, MetadataClient client)
      throws SourceFailedException, InterruptedException {
    try {
      LOG.info("fetching user-data from {}", ds.type());
      Optional<byte[]> userData = ds.fetchUserData(deadline);
      if (what == Fetch.ALL && userData.isPresent()) {
        // #include user data: the URLs' contents are the user data (the launcher's -validate
        // checks the list as delivered, without fetching).
        userData = Optional.of(IncludeExpander.expand(userData.get(), client, deadline));
      }
      PartialMetadata metadata = PartialMetadata.complete(Metadata.empty());
      if (what == Fetch.ALL) {
        LOG.info("fetching metadata from {}", ds.type());
        metadata = ds.fetchPartialMetadata(deadline);
      }
      for (String failure : metadata.failures()) {
        LOG.error("{}: {}", ds.type(), failure);
      }
      MetadataCheck.Checked checked = checkMetadata(metadata.metadata());
      return new Acquired(
          ds.type(), userData, checked.metadata(), metadata.failures(), checked.dropped());
    } catch (DatasourceException e) {
      if (deadline.expired()) {
        throw new SourceFailedException(
            ds.type(),
            new DatasourceException(
                e.getMessage() + " (the deadline of " + timeout.toSeconds() + " s passed)", e));
      }
      throw new SourceFailedException(ds.type(), e);
    }
  }

  /**
   * The metadata without the values that fail the rules user data has for them, each dropped value
   * logged with why (fetch, render and run all see the same metadata).
   */
  static MetadataCheck.Checked checkMetadata(Metadata metadata) {
    MetadataCheck.Checked checked = MetadataCheck.check(metadata);
    for (String dropped : checked.dropped()) {
      LOG.warn("{}", dropped);
    }
    return checked;
  }

  private static void closeAll(List<Datasource> sources) {
    for (Datasource ds : sources) {
      if (ds instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          LOG.warn("failed to close {}: {}", ds.type(), e.getMessage());
        }
      }
    }
  }
}
