package dev.kindling.plan;

import java.util.Objects;

/**
 * {@code manage_etc_hosts: localhost}: write {@code 127.0.0.1 <hostname>} to {@code /etc/hosts}.
 * When the plan sets no hostname, the machine's hostname at apply time is used, as upstream.
 *
 * @param hostname the planned hostname, or "" to read it at apply time
 */
public record WriteEtcHosts(String path, String hostname) implements Action {
  public WriteEtcHosts {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(hostname, "hostname");
  }

  @Override
  public String type() {
    return "write-etc-hosts";
  }

  @Override
  public String describe() {
    return "write " + path + " for " + (hostname.isEmpty() ? "the current hostname" : hostname);
  }

  /**
   * The file content, {@code 127.0.0.1 <hostname>\n} (system/etc_hosts.go): the planned hostname,
   * or {@code current} (the machine's hostname at apply time) when the plan sets none.
   */
  public String content(String current) {
    return "127.0.0.1 " + (hostname.isEmpty() ? current : hostname) + "\n";
  }
}
