package dev.kindling.cli;

import dev.kindling.datasource.Datasource;
import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.DatasourceLocator;
import dev.kindling.datasource.DatasourceSelector;
import dev.kindling.datasource.Deadline;
import dev.kindling.datasource.NoDatasourceException;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.metadata.Metadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@link SourceOptions} into datasources, selects the one that answers first within the
 * deadline and fetches from it, then closes every client and datasource it made.
 */
final class SourceAcquirer {
  /** The default overall deadline: well under coreos-cloudinit's silent 5 minutes. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private static final Logger LOG = LoggerFactory.getLogger(SourceAcquirer.class);

  private SourceAcquirer() {}

  /** Selects and fetches on the running machine; see {@link #exitCode} for the failures. */
  static Acquired acquire(SourceOptions options, Duration timeout)
      throws DatasourceException, InterruptedException {
    return acquire(options, timeout, SourceEnvironment.system());
  }

  /**
   * Selects and fetches.
   *
   * @throws SourceUsageException when the options name no usable source
   * @throws NoDatasourceException when no source answered (or delivered) within {@code timeout}
   * @throws DatasourceException when the selected source failed to deliver
   */
  static Acquired acquire(SourceOptions options, Duration timeout, SourceEnvironment env)
      throws DatasourceException, InterruptedException {
    Deadline deadline = Deadline.in(timeout);
    List<SourceSpec> specs = SourcePlan.resolve(options, env);
    List<Datasource> made = new ArrayList<>();
    try (MetadataClient client = env.clients().get()) {
      List<DatasourceSelector.Candidate> candidates = new ArrayList<>();
      for (SourceSpec spec : specs) {
        Datasource ds = SourceFactory.create(spec, client, env);
        made.add(ds);
        candidates.add(new DatasourceSelector.Candidate(ds, timeout));
      }
      if (options.auto) {
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
              List.of(),
              null);
        }
      }
      Datasource ds = new DatasourceSelector(env.probeSchedule()).select(candidates, deadline);
      try {
        LOG.info("fetching user-data from {}", ds.type());
        Optional<byte[]> userData = ds.fetchUserData(deadline);
        LOG.info("fetching metadata from {}", ds.type());
        Metadata metadata = ds.fetchMetadata(deadline);
        return new Acquired(ds.type(), userData, metadata);
      } catch (DatasourceException e) {
        if (deadline.expired()) {
          throw new NoDatasourceException(
              "deadline of "
                  + timeout.toSeconds()
                  + " s passed while fetching from "
                  + ds.type()
                  + ": "
                  + e.getMessage(),
              List.of(ds.type()),
              e);
        }
        throw e;
      }
    } finally {
      closeAll(made);
    }
  }

  /** The exit status for a failure of {@link #acquire} (docs/cli.md#exit-status). */
  static int exitCode(DatasourceException e) {
    return e instanceof SourceUsageException || e instanceof NoDatasourceException
        ? ExitCodes.USAGE
        : ExitCodes.FAILED;
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
