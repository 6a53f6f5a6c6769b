package dev.kindling.plan.netconf;

import java.util.List;
import java.util.Optional;

/**
 * The result of a conversion: the networkd files in the order the original created its units, and
 * the kernel modules the interfaces need ({@code 8021q} for VLANs, {@code bonding} with the first
 * bond's parameters), and what was left out.
 *
 * @param files the {@code .netdev} and {@code .network} files, runtime, under {@code
 *     /run/systemd/network}
 * @param needsVlanModule whether any interface is a VLAN
 * @param bondingParameters the bonding module parameters, present when any interface is a bond
 * @param skipped the parts of the config that were not converted
 */
public record Conversion(
    List<NetworkFile> files,
    boolean needsVlanModule,
    Optional<List<String>> bondingParameters,
    List<Skipped> skipped) {
  public Conversion {
    files = List.copyOf(files);
    bondingParameters = bondingParameters.map(List::copyOf);
    skipped = List.copyOf(skipped);
  }

  /** A conversion that left nothing out. */
  public Conversion(
      List<NetworkFile> files, boolean needsVlanModule, Optional<List<String>> bondingParameters) {
    this(files, needsVlanModule, bondingParameters, List.of());
  }
}
