package dev.kindling.config;

import java.util.List;
import java.util.Objects;

/**
 * A bound cloud-config document. Unset fields hold the original's zero values ("" / false / empty),
 * because coreos-cloudinit treats "unset" and "zero" alike. {@code bootcmd} and {@code runcmd} are
 * Kindling extensions (cloud-init's keys).
 */
public record CloudConfig(
    List<String> sshAuthorizedKeys,
    CoreOs coreos,
    List<WriteFile> writeFiles,
    String hostname,
    List<User> users,
    String manageEtcHosts,
    List<ShellCommand> bootcmd,
    List<ShellCommand> runcmd) {
  public CloudConfig {
    sshAuthorizedKeys = List.copyOf(sshAuthorizedKeys);
    Objects.requireNonNull(coreos, "coreos");
    writeFiles = List.copyOf(writeFiles);
    Objects.requireNonNull(hostname, "hostname");
    users = List.copyOf(users);
    Objects.requireNonNull(manageEtcHosts, "manageEtcHosts");
    bootcmd = List.copyOf(bootcmd);
    runcmd = List.copyOf(runcmd);
  }

  /** A config with nothing set (what empty or script user-data contributes). */
  public static CloudConfig empty() {
    return new CloudConfig(
        List.of(), CoreOs.empty(), List.of(), "", List.of(), "", List.of(), List.of());
  }
}
