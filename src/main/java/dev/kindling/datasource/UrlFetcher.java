package dev.kindling.datasource;

import java.net.URI;

/**
 * Downloads one URL for a local datasource that only names where its user data is (VMware's {@code
 * guestinfo.coreos.config.url}). In production this is the HTTP {@code MetadataClient}.
 */
@FunctionalInterface
public interface UrlFetcher {
  /**
   * The body of a GET of {@code url} (http or https), with the client's retries, within the
   * deadline.
   *
   * @throws DatasourceException on any failure, a 404 included: a configured URL must answer
   */
  byte[] fetch(URI url, Deadline deadline) throws DatasourceException, InterruptedException;
}
