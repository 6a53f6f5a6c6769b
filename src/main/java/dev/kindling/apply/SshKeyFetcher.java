package dev.kindling.apply;

import java.io.IOException;
import java.util.List;

/**
 * Fetches SSH public keys published at a URL in GitHub's format (a JSON array of {@code {"id": n,
 * "key": "ssh-..."}}), for the deprecated {@code coreos_ssh_import_*} keys.
 */
public interface SshKeyFetcher {
  /** The keys at {@code url}, in the order served. */
  List<String> fetch(String url) throws IOException, InterruptedException;
}
