package dev.kindling.datasource;

import dev.kindling.datasource.http.MetadataClient;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What a datasource factory may use: the running machine as the agent sees it. Production passes
 * the real machine; tests pass loopback clients, fake runners and directories of their own.
 *
 * @param client the metadata HTTP client (one per acquisition)
 * @param commands runs the programs local sources need ({@code vmware-rpctool}, {@code stty})
 * @param systemRoot the running system's root, below which local sources read their files
 * @param procCmdline the kernel command line file
 * @param interfaces the machine's network interfaces
 */
public record SourceContext(
    MetadataClient client,
    CommandRunner commands,
    Path systemRoot,
    Path procCmdline,
    LocalInterfaces interfaces) {
  public SourceContext {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(commands, "commands");
    Objects.requireNonNull(systemRoot, "systemRoot");
    Objects.requireNonNull(procCmdline, "procCmdline");
    Objects.requireNonNull(interfaces, "interfaces");
  }

  /** Downloads a URL a local source names (VMware's {@code coreos.config.url}). */
  public UrlFetcher urlFetcher() {
    return UrlDatasource.fetcher(client);
  }
}
