package dev.kindling.plan;

import dev.kindling.config.Unit;
import dev.kindling.metadata.Metadata;
import dev.kindling.plan.netconf.Conversion;
import dev.kindling.plan.netconf.NetconfConverter;
import dev.kindling.plan.netconf.NetconfException;
import dev.kindling.plan.netconf.NetworkFile;
import dev.kindling.plan.netconf.Skipped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans {@code --convert-netconf}: the kernel modules the interfaces need ({@code 8021q} for VLANs,
 * {@code bonding} with the first bond's parameters), and the generated files as runtime networkd
 * units, which {@link UnitActions} places before its single systemd-networkd restart (the original
 * restarted networkd before writing them:
 * docs/compatibility.md#systemd-networkd-restarts-after-the-network-files-are-written). When the
 * datasource supplied no network config of the requested format, or it cannot be converted, the
 * plan gets a {@link RejectedItem} instead (the original crashed:
 * docs/compatibility.md#missing-network-config-is-reported-not-a-crash); so does every part of the
 * config the conversion left out. Unlike the original, matching interfaces are not taken down
 * first: networkd reconfigures the links it manages when it restarts.
 *
 * <p>{@code openstack} differs in one point: {@code network_data.json} is optional in OpenStack
 * (older clouds and other config-drive platforms have none), so when it is absent nothing is
 * planned and nothing fails; the packaged OpenStack units ask for it on every boot
 * (docs/network.md).
 */
final class NetconfActions {
  private static final String SUBJECT = "convert-netconf ";

  /** The actions before the units, and the units to process with the config's units. */
  record Planned(List<Action> actions, List<UnitActions.Entry> units) {
    Planned {
      actions = List.copyOf(actions);
      units = List.copyOf(units);
    }
  }

  private NetconfActions() {}

  static Planned plan(String format, Metadata metadata) {
    if (format.isEmpty()) {
      return new Planned(List.of(), List.of());
    }
    Optional<Metadata.NetworkConfig> config =
        metadata.networkConfig().filter(c -> c.format().equals(format));
    if (config.isEmpty() && format.equals("openstack")) {
      return new Planned(List.of(), List.of());
    }
    if (config.isEmpty()) {
      String supplied =
          metadata.networkConfig().map(c -> " (it supplied \"" + c.format() + "\")").orElse("");
      return rejected(
          format, "the datasource supplied no " + format + " network config" + supplied);
    }
    Conversion conversion;
    try {
      conversion = NetconfConverter.convert(format, config.get().content());
    } catch (NetconfException e) {
      return rejected(format, e.getMessage());
    }
    List<Action> actions = new ArrayList<>();
    for (Skipped s : conversion.skipped()) {
      actions.add(new RejectedItem(SUBJECT + format + " " + s.subject(), s.reason()));
    }
    if (conversion.needsVlanModule()) {
      actions.add(new LoadKernelModule("8021q", List.of()));
    }
    conversion
        .bondingParameters()
        .ifPresent(parameters -> actions.add(new LoadKernelModule("bonding", parameters)));
    List<UnitActions.Entry> units = new ArrayList<>();
    for (NetworkFile file : conversion.files()) {
      units.add(
          UnitActions.Entry.generated(
              new Unit(file.name(), false, false, true, file.content(), "", List.of()),
              SUBJECT + file.name()));
    }
    return new Planned(actions, units);
  }

  private static Planned rejected(String format, String reason) {
    return new Planned(List.of(new RejectedItem(SUBJECT + format, reason)), List.of());
  }
}
