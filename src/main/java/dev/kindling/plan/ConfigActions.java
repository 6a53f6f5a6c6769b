package dev.kindling.plan;

import dev.kindling.config.CheckedConfig;
import dev.kindling.config.CloudConfig;
import dev.kindling.config.CoreOs;
import dev.kindling.config.DropIn;
import dev.kindling.config.EnvSection;
import dev.kindling.config.ServiceTables;
import dev.kindling.config.StructSchema;
import dev.kindling.config.Unit;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.metadata.Metadata;
import dev.kindling.value.Bytes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One cloud-config part applied in the original's order (without the hostname and core keys that
 * {@link Planner} plans first): users and their keys; {@code write_files}, then the generated files
 * ({@code /etc/oem-release}, {@code update.conf}, {@code /etc/hosts}, {@code
 * /run/flannel/options.env}); then, once per plan, the metadata: {@code /etc/environment}, the
 * metadata env file and the network conversion; then the units: the config's units, the
 * always-present etcd, etcd2, fleet and locksmithd runtime units with their drop-ins, the update
 * units and the network units. What the analysis rejected is not planned: each rejected item is a
 * {@link RejectedItem} with the finding's message, in its place.
 */
final class ConfigActions {
  /** The file {@code COREOS_*} addresses are merged into. */
  static final String ENVIRONMENT = "/etc/environment";

  /** Where {@code manage_etc_hosts: localhost} writes. */
  static final String ETC_HOSTS = "/etc/hosts";

  /**
   * What the part's plan depends on besides its config.
   *
   * @param options the run options
   * @param metadata the metadata
   * @param hostname the hostname the plan sets, if any
   * @param environmentWritten whether any part writes {@code /etc/environment} itself
   * @param withMetadata whether this part carries the metadata-derived actions
   * @param subjectPrefix how rejected items are prefixed ("" for a single part)
   */
  record Context(
      PlanOptions options,
      Metadata metadata,
      Optional<String> hostname,
      boolean environmentWritten,
      boolean withMetadata,
      String subjectPrefix) {}

  private ConfigActions() {}

  static List<Action> plan(CheckedConfig checked, Context context) {
    CloudConfig config = checked.config();
    Rejections rejections = new Rejections(checked, context.subjectPrefix());
    List<Action> actions = new ArrayList<>();
    // The hostname and the core keys are planned first (Reachability), without what was rejected.
    rejections.reject("hostname", ConfigPath.of("hostname")).ifPresent(actions::add);
    for (int i = 0; i < config.sshAuthorizedKeys().size(); i++) {
      ConfigPath key = ConfigPath.of("ssh_authorized_keys", i);
      rejections.reject(key.toString(), key).ifPresent(actions::add);
    }
    actions.addAll(UserActions.plan(config.users(), context.options().sshKeyName(), rejections));
    actions.addAll(WriteFileActions.plan(config.writeFiles(), rejections));
    CoreOs coreos = accepted(config.coreos(), rejections, actions);
    OemRelease.render(coreos.oem()).ifPresent(text -> actions.add(file(OemRelease.PATH, text)));
    Optional<Action> updateRejected =
        rejections.reject("coreos.update", ConfigPath.of("coreos", "update"));
    updateRejected.ifPresent(actions::add);
    if (updateRejected.isEmpty() && !UpdateSettings.variables(coreos.update()).isEmpty()) {
      actions.add(
          new MergeUpdateConf(
              UpdateSettings.PATH,
              UpdateSettings.BASE_PATH,
              UpdateSettings.variables(coreos.update())));
    }
    Optional<Action> hostsRejected =
        rejections.reject("manage_etc_hosts", ConfigPath.of("manage_etc_hosts"));
    hostsRejected.ifPresent(actions::add);
    if (hostsRejected.isEmpty() && !config.manageEtcHosts().isEmpty()) {
      actions.add(new WriteEtcHosts(ETC_HOSTS, context.hostname().orElse("")));
    }
    FlannelEnvFile.render(coreos.flannel())
        .ifPresent(text -> actions.add(file(FlannelEnvFile.PATH, text)));
    List<UnitActions.Entry> units = new ArrayList<>();
    for (int i = 0; i < coreos.units().size(); i++) {
      Unit unit = coreos.units().get(i);
      units.add(
          new UnitActions.Entry(
              unit,
              "coreos.units[" + i + "] " + unit.name(),
              Optional.of(ConfigPath.of("coreos", "units", i))));
    }
    units.addAll(serviceUnits(coreos));
    if (updateRejected.isEmpty()) {
      for (Unit unit : UpdateSettings.units(coreos.update())) {
        units.add(UnitActions.Entry.generated(unit, "coreos.update " + unit.name()));
      }
    }
    if (context.withMetadata()) {
      Metadata metadata = context.metadata();
      Map<String, String> addresses = environment(metadata);
      if (!addresses.isEmpty() && !context.environmentWritten()) {
        actions.add(new MergeEnvironmentFile(ENVIRONMENT, addresses));
      }
      MetadataEnvFile.render(metadata, context.options().datasource())
          .ifPresent(text -> actions.add(file(MetadataEnvFile.PATH, text)));
      NetconfActions.Planned network =
          NetconfActions.plan(context.options().convertNetconf(), metadata);
      actions.addAll(network.actions());
      units.addAll(network.units());
    }
    List<Action> unitActions = UnitActions.plan(units, rejections);
    actions.addAll(rejections.unclaimed());
    actions.addAll(unitActions);
    return actions;
  }

  /**
   * The {@code coreos} sections without the keys whose value was rejected (each becomes a rejected
   * item); {@code update} and the units are judged as a whole elsewhere.
   */
  private static CoreOs accepted(CoreOs coreos, Rejections rejections, List<Action> actions) {
    return new CoreOs(
        accepted(coreos.etcd(), rejections, actions),
        accepted(coreos.etcd2(), rejections, actions),
        accepted(coreos.flannel(), rejections, actions),
        accepted(coreos.fleet(), rejections, actions),
        accepted(coreos.locksmith(), rejections, actions),
        accepted(coreos.oem(), rejections, actions),
        coreos.update(),
        coreos.units());
  }

  private static EnvSection accepted(
      EnvSection section, Rejections rejections, List<Action> actions) {
    Map<String, Object> values = new LinkedHashMap<>(section.values());
    for (String key : section.values().keySet()) {
      ConfigPath path = ConfigPath.of("coreos", section.table().name(), key);
      Optional<Action> rejected = rejections.reject(path.toString(), path);
      if (rejected.isPresent()) {
        actions.add(rejected.get());
        values.remove(key);
      }
    }
    return new EnvSection(section.table(), values);
  }

  /** The etcd, etcd2, fleet and locksmithd runtime units, each with its (maybe empty) drop-in. */
  private static List<UnitActions.Entry> serviceUnits(CoreOs coreos) {
    Map<StructSchema, EnvSection> sections = new LinkedHashMap<>();
    sections.put(ServiceTables.ETCD, coreos.etcd());
    sections.put(ServiceTables.ETCD2, coreos.etcd2());
    sections.put(ServiceTables.FLEET, coreos.fleet());
    sections.put(ServiceTables.LOCKSMITH, coreos.locksmith());
    List<UnitActions.Entry> out = new ArrayList<>();
    for (StructSchema table : ServiceTables.DROP_IN_TABLES) {
      String name = EnvDropIns.unitFor(table);
      DropIn dropIn = new DropIn(SystemdPaths.DROP_IN_NAME, EnvDropIns.render(sections.get(table)));
      out.add(
          UnitActions.Entry.generated(
              new Unit(name, false, false, true, "", "", List.of(dropIn)),
              "coreos." + table.name()));
    }
    return out;
  }

  /** The {@code COREOS_*} addresses the metadata provides, for {@code /etc/environment}. */
  static Map<String, String> environment(Metadata metadata) {
    Map<String, String> vars = new LinkedHashMap<>();
    metadata.publicIpv4().ifPresent(v -> vars.put("COREOS_PUBLIC_IPV4", v));
    metadata.privateIpv4().ifPresent(v -> vars.put("COREOS_PRIVATE_IPV4", v));
    metadata.publicIpv6().ifPresent(v -> vars.put("COREOS_PUBLIC_IPV6", v));
    metadata.privateIpv6().ifPresent(v -> vars.put("COREOS_PRIVATE_IPV6", v));
    return vars;
  }

  private static Action file(String path, String content) {
    return new WriteFile(path, 0644, "", Bytes.utf8(content), false);
  }
}
