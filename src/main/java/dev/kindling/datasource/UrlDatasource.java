package dev.kindling.datasource;

import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.datasource.http.MetadataRequest;
import dev.kindling.metadata.Metadata;
import dev.kindling.value.Redaction;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * User data downloaded from one URL ({@code --from-url}); no metadata. Available when one GET
 * answers 2xx; that body is the user data (not downloaded twice). A 404 is an error here, not "no
 * user data": the URL was given on purpose.
 */
public final class UrlDatasource extends HttpDatasource {
  /** {@code --from-url URL}: one download is the user data. */
  public static final DatasourceType TYPE =
      DatasourceType.of(
              "url",
              "from-url",
              ArgumentKind.URL,
              "Download user data from URL.",
              (url, context) -> new UrlDatasource(context.client(), URI.create(url)))
          .withLauncherUsage("Download user-data from provided url");

  private final MetadataClient client;
  private final URI url;
  private volatile Optional<byte[]> body = Optional.empty();

  /** A datasource for {@code url} (http or https). */
  public UrlDatasource(MetadataClient client, URI url) {
    super(TYPE, checkedProbe(url));
    this.client = client;
    this.url = url;
  }

  /** The probe of {@code url}, once its scheme is checked. */
  private static HttpProbe checkedProbe(URI url) {
    MetadataClient.checkScheme(url);
    return new HttpProbe(Redaction.url(url), "no such file", Map.of());
  }

  @Override
  public boolean isAvailable(Deadline deadline) throws InterruptedException {
    body = probe().get(client, MetadataRequest.get(url), deadline);
    return body.isPresent();
  }

  @Override
  public Optional<byte[]> fetchUserData(Deadline deadline)
      throws DatasourceException, InterruptedException {
    Optional<byte[]> probed = body;
    if (probed.isPresent()) {
      return probed;
    }
    return Optional.of(download(client, url, deadline));
  }

  @Override
  public Metadata fetchMetadata(Deadline deadline) {
    return Metadata.empty();
  }

  /** A {@link UrlFetcher} over {@code client} (for VMware's {@code coreos.config.url}). */
  public static UrlFetcher fetcher(MetadataClient client) {
    return (url, deadline) -> {
      try {
        MetadataClient.checkScheme(url);
      } catch (IllegalArgumentException e) {
        throw new DatasourceException("failed to fetch user-data: " + e.getMessage(), e);
      }
      return download(client, url, deadline);
    };
  }

  /** GETs {@code url} with retries; a 404 is an error. */
  static byte[] download(MetadataClient client, URI url, Deadline deadline)
      throws DatasourceException, InterruptedException {
    return HttpSources.get(client, MetadataRequest.get(url), "user-data", Map.of(), deadline)
        .orElseThrow(
            () ->
                new DatasourceException(
                    "failed to fetch user-data: GET " + Redaction.url(url) + ": HTTP 404"));
  }
}
