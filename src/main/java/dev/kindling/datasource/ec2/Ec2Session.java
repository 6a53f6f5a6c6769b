package dev.kindling.datasource.ec2;

import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.Deadline;
import dev.kindling.datasource.HttpSources;
import dev.kindling.datasource.http.HttpFailure;
import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.datasource.http.MetadataHttpException;
import dev.kindling.datasource.http.MetadataRequest;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An EC2 instance metadata session: IMDSv2 first (a token from {@code PUT latest/api/token}, sent
 * on every request and renewed once on a 401), IMDSv1 only when the token request is refused with
 * 403, 404 or 405. Explains the failures AWS documents for IMDS, including the hop-limit symptom:
 * the token PUT times out while GETs answer 401.
 */
final class Ec2Session {
  static final String TOKEN_PATH = "latest/api/token";
  static final String TTL_HEADER = "X-aws-ec2-metadata-token-ttl-seconds";
  static final String TOKEN_HEADER = "X-aws-ec2-metadata-token";
  static final String TTL_SECONDS = "21600";
  static final String HOP_LIMIT =
      "the PUT response did not reach the instance; check the instance's metadata hop limit";

  /** What 4xx/5xx mean on IMDS (AWS "Responses and error messages"). */
  static final Map<HttpFailure, String> HINTS =
      Map.of(
          HttpFailure.BAD_REQUEST, "missing or invalid parameters",
          HttpFailure.UNAUTHORIZED, "the IMDSv2 token is missing, invalid or expired",
          HttpFailure.FORBIDDEN,
              "IMDS disabled: the metadata endpoint is turned off or forbids" + " this request",
          HttpFailure.RATE_LIMITED, "IMDS throttled the requests");

  private static final Logger LOG = LoggerFactory.getLogger(Ec2Session.class);

  private final MetadataClient client;
  private final URI base;
  private Optional<String> token = Optional.empty(); // guarded by this
  private boolean started; // guarded by this

  Ec2Session(MetadataClient client, URI base) {
    this.client = client;
    this.base = base;
  }

  /**
   * GETs {@code path} (relative to the base) in this session; empty on 404. Several threads may GET
   * at once: the session is set up once, before the first request, and a token refused with 401 is
   * renewed once for all the requests that used it.
   *
   * @throws MetadataHttpException for other outcomes, after one token renewal on a 401
   * @throws SetupException when no session could be set up (message says why)
   */
  Optional<byte[]> get(String path, Deadline deadline)
      throws MetadataHttpException, SetupException, InterruptedException {
    Optional<String> used = token(deadline);
    try {
      return client.send(request(path, used), deadline.remaining());
    } catch (MetadataHttpException e) {
      if (e.failure() != HttpFailure.UNAUTHORIZED || used.isEmpty()) {
        throw e;
      }
      return client.send(request(path, renewed(used, deadline)), deadline.remaining());
    }
  }

  /** The session's token, set up with the first request. */
  private synchronized Optional<String> token(Deadline deadline)
      throws SetupException, InterruptedException {
    if (!started) {
      token = newToken(deadline);
      started = true;
    }
    return token;
  }

  /** A new token in place of {@code refused}, unless another request renewed it already. */
  private synchronized Optional<String> renewed(Optional<String> refused, Deadline deadline)
      throws SetupException, InterruptedException {
    if (token.equals(refused)) {
      LOG.info("IMDSv2 token refused (HTTP 401); requesting a new one");
      token = newToken(deadline);
    }
    return token;
  }

  private MetadataRequest request(String path, Optional<String> bearer) {
    MetadataRequest r = MetadataRequest.get(base.resolve(path));
    return bearer.isPresent() ? r.header(TOKEN_HEADER, bearer.get()) : r;
  }

  /** A fresh IMDSv2 token, or empty when IMDSv1 is to be used. */
  private Optional<String> newToken(Deadline deadline) throws SetupException, InterruptedException {
    MetadataRequest put =
        MetadataRequest.put(base.resolve(TOKEN_PATH)).header(TTL_HEADER, TTL_SECONDS).attempts(2);
    Optional<byte[]> body;
    try {
      body = client.send(put, deadline.remaining());
    } catch (MetadataHttpException e) {
      boolean refused =
          e.failure() == HttpFailure.FORBIDDEN
              || (e.status().isPresent() && e.status().getAsInt() == 405);
      if (refused) {
        LOG.info("IMDSv2 token refused (HTTP {}); falling back to IMDSv1", e.status().getAsInt());
        return Optional.empty();
      }
      if (e.failure() == HttpFailure.TIMEOUT && getsAnswer401(deadline)) {
        throw new SetupException(
            "failed to get an IMDSv2 token: "
                + e.getMessage()
                + ", while GETs answer HTTP 401: "
                + HOP_LIMIT,
            true,
            e);
      }
      throw new SetupException(
          "failed to get an IMDSv2 token: " + HttpSources.explain(e, HINTS),
          !e.failure().isTransient(),
          e);
    }
    if (body.isEmpty()) {
      LOG.info("IMDSv2 token endpoint not found (HTTP 404); falling back to IMDSv1");
      return Optional.empty();
    }
    String t = HttpSources.text(body.get()).strip();
    if (t.isEmpty()) {
      throw new SetupException("failed to get an IMDSv2 token: the answer was empty", true, null);
    }
    return Optional.of(t);
  }

  /** Whether a token-less GET is refused with 401: the hop-limit symptom when the PUT hangs. */
  private boolean getsAnswer401(Deadline deadline) throws InterruptedException {
    try {
      client.send(
          MetadataRequest.get(base.resolve("latest/meta-data/")).attempts(1), deadline.remaining());
      return false;
    } catch (MetadataHttpException e) {
      return e.failure() == HttpFailure.UNAUTHORIZED;
    }
  }

  /** No IMDS session could be set up; {@link #permanent()} when trying again cannot help. */
  static final class SetupException extends DatasourceException {
    private static final long serialVersionUID = 1L;
    private final boolean permanent;

    SetupException(String message, boolean permanent, Throwable cause) {
      super(message, cause);
      this.permanent = permanent;
    }

    boolean permanent() {
      return permanent;
    }
  }
}
