package dev.kindling.datasource;

import dev.kindling.datasource.http.MetadataClient;
import dev.kindling.datasource.http.MetadataHttpException;
import dev.kindling.userdata.IncludeList;
import dev.kindling.userdata.UserData;
import dev.kindling.value.Bytes;
import dev.kindling.value.Redaction;
import dev.kindling.value.Sha256;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves {@code #include} user data (a Kindling extension; see {@link IncludeList}): each URL is
 * fetched with the metadata client's bounds (http and https only, its size cap and retries with
 * jitter, within the run's deadline), at most {@link #MAX_REDIRECTS} redirects each and never to
 * another scheme; a pinned URL whose content has another SHA-256 is refused. The fetched contents
 * are user data again (cloud-config, a script, gzip, multipart, another include file up to depth
 * {@link IncludeList#MAX_DEPTH}), and the result is one multipart message of every part in order,
 * which the pipeline reads like any other. User data without an include is returned unchanged.
 */
public final class IncludeExpander {
  /** The most redirects followed for one URL. */
  public static final int MAX_REDIRECTS = 3;

  private static final Logger LOG = LoggerFactory.getLogger(IncludeExpander.class);

  private final MetadataClient client;
  private final Deadline deadline;
  private final List<Leaf> leaves = new ArrayList<>();

  /** One part of the result: its MIME type, file name and content. */
  private record Leaf(String type, String name, Bytes content) {}

  private IncludeExpander(MetadataClient client, Deadline deadline) {
    this.client = client;
    this.deadline = deadline;
  }

  /**
   * The user data with every include resolved, or {@code raw} itself when it holds none.
   *
   * @throws DatasourceException when a URL cannot be fetched, its pin does not match, or the
   *     includes nest too deep; nothing of the user data is then used
   */
  public static byte[] expand(byte[] raw, MetadataClient client, Deadline deadline)
      throws DatasourceException, InterruptedException {
    UserData data = UserData.classify(raw);
    if (!holdsInclude(data)) {
      return raw;
    }
    IncludeExpander expander = new IncludeExpander(client, deadline);
    expander.walk(data, "", 1);
    return expander.message();
  }

  private static boolean holdsInclude(UserData data) {
    if (data.kind() == UserData.Kind.INCLUDE) {
      return true;
    }
    for (UserData.Part p : data.parts()) {
      if (holdsInclude(p.content())) {
        return true;
      }
    }
    return false;
  }

  private void walk(UserData data, String type, int depth)
      throws DatasourceException, InterruptedException {
    switch (data.kind()) {
      case EMPTY -> {}
      case INCLUDE -> include(data, depth);
      case MULTIPART -> {
        for (UserData.Part p : data.parts()) {
          if (p.content().kind() == UserData.Kind.MULTIPART
              || p.content().kind() == UserData.Kind.INCLUDE) {
            walk(p.content(), p.contentType(), depth);
          } else if (p.content().kind() != UserData.Kind.EMPTY) {
            leaves.add(
                new Leaf(
                    leafType(p.content().kind(), p.contentType()),
                    p.name(),
                    Bytes.of(p.content().bytes())));
          }
        }
      }
      default -> leaves.add(new Leaf(leafType(data.kind(), type), "", Bytes.of(data.bytes())));
    }
  }

  /**
   * The type a part is written with: what its (decompressed) content is for cloud-config and
   * scripts (keeping a script's frequency type), else the type it was declared with.
   */
  private static String leafType(UserData.Kind kind, String declared) {
    return switch (kind) {
      case CLOUD_CONFIG -> "text/cloud-config";
      case SCRIPT -> declared.startsWith("text/x-shellscript") ? declared : "text/x-shellscript";
      default -> declared.isEmpty() ? "text/plain" : declared;
    };
  }

  private void include(UserData data, int depth) throws DatasourceException, InterruptedException {
    if (depth > IncludeList.MAX_DEPTH) {
      throw new DatasourceException(
          "#include nested deeper than " + IncludeList.MAX_DEPTH + " levels; nothing is applied");
    }
    IncludeList list = IncludeList.parse(data.text());
    if (!list.problems().isEmpty()) {
      IncludeList.Problem p = list.problems().get(0);
      throw new DatasourceException(
          "#include line " + p.line() + ": " + p.message() + "; nothing is applied");
    }
    for (IncludeList.Entry entry : list.entries()) {
      byte[] body = fetch(entry);
      walk(UserData.classify(body), "", depth + 1);
    }
  }

  private byte[] fetch(IncludeList.Entry entry) throws DatasourceException, InterruptedException {
    URI uri;
    try {
      uri = new URI(entry.url());
    } catch (URISyntaxException e) {
      throw new DatasourceException("#include line " + entry.line() + ": not a URL");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String shown = Redaction.url(uri);
    for (int redirects = 0; ; redirects++) {
      LOG.info("fetching #include {}", Redaction.url(uri));
      Optional<byte[]> body;
      try {
        body = client.get(uri, deadline.remaining());
      } catch (MetadataHttpException e) {
        Optional<String> location = e.location();
        if (location.isEmpty()) {
          throw new DatasourceException("#include " + shown + ": " + e.getMessage(), e);
        }
        if (redirects >= MAX_REDIRECTS) {
          throw new DatasourceException(
              "#include " + shown + ": more than " + MAX_REDIRECTS + " redirects");
        }
        uri = redirect(uri, location.get(), scheme, shown);
        continue;
      } catch (IllegalArgumentException e) {
        throw new DatasourceException("#include " + shown + ": " + e.getMessage(), e);
      }
      if (body.isEmpty()) {
        throw new DatasourceException("#include " + shown + ": not found (HTTP 404)");
      }
      if (entry.sha256().isPresent()) {
        String got = Sha256.hex(body.get());
        if (!got.equals(entry.sha256().get())) {
          throw new DatasourceException(
              "#include "
                  + shown
                  + ": content refused, its sha256 "
                  + got
                  + " is not the pinned "
                  + entry.sha256().get());
        }
      }
      return body.get();
    }
  }

  private static URI redirect(URI from, String location, String scheme, String shown)
      throws DatasourceException {
    URI next;
    try {
      next = from.resolve(new URI(location));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new DatasourceException("#include " + shown + ": redirect to an invalid location");
    }
    String nextScheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
    if (!nextScheme.equals(scheme)) {
      throw new DatasourceException(
          "#include "
              + shown
              + ": redirect from "
              + scheme
              + " to "
              + (nextScheme.isEmpty() ? "no scheme" : nextScheme)
              + " refused");
    }
    return next;
  }

  /** Every part as one multipart message, with a boundary found in none of them. */
  private byte[] message() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    leaves.forEach(l -> all.writeBytes(l.content().toByteArray()));
    String boundary = "kindling-include-" + Sha256.hex(all.toByteArray()).substring(0, 24);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\nMIME-Version: 1.0\n");
    for (Leaf leaf : leaves) {
      write(out, "\n--" + boundary + "\nContent-Type: " + leaf.type() + "\n");
      if (!leaf.name().isEmpty() && leaf.name().matches("[A-Za-z0-9._-]+")) {
        write(out, "Content-Disposition: attachment; filename=\"" + leaf.name() + "\"\n");
      }
      write(out, "\n");
      out.writeBytes(leaf.content().toByteArray());
    }
    write(out, "\n--" + boundary + "--\n");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
