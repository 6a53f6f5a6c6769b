package dev.kindling.plan.netconf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindling.value.IpAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code bond_*} keys of an OpenStack bond link (Ironic copies every port-group property as
 * {@code bond_<name>}) as networkd {@code [Bond]} settings. Values are accepted in the kernel's
 * spellings: names ({@code 802.3ad}) or the bonding driver's numbers ({@code "4"}), durations in
 * milliseconds. A key networkd has no setting for, or a value it would refuse, is reported and left
 * out; an unusable {@code bond_mode} leaves out the whole bond (a bond in another mode than asked
 * for is a guess).
 */
final class BondSettings {
  /** How a value is read and written. */
  private enum Kind {
    /** One of the names; a number is the index into them (the driver's numbering). */
    NAME,
    MILLISECONDS,
    SECONDS,
    COUNT,
    BOOLEAN,
    IPV4_LIST,
    MAC
  }

  /**
   * One supported key.
   *
   * @param key the {@code network_data.json} key
   * @param setting the networkd {@code [Bond]} setting
   * @param kind how the value is read
   * @param names for {@link Kind#NAME}, the names in the driver's numeric order
   * @param max the largest number accepted
   */
  private record Option(String key, String setting, Kind kind, List<String> names, int max) {
    static Option named(String key, String setting, String... names) {
      return new Option(key, setting, Kind.NAME, List.of(names), names.length - 1);
    }

    static Option of(String key, String setting, Kind kind, int max) {
      return new Option(key, setting, kind, List.of(), max);
    }
  }

  private static final int MS_MAX = 3_600_000;

  /** The supported keys, in the order their settings are written. */
  private static final List<Option> OPTIONS =
      List.of(
          Option.named(
              "bond_mode",
              "Mode",
              "balance-rr",
              "active-backup",
              "balance-xor",
              "broadcast",
              "802.3ad",
              "balance-tlb",
              "balance-alb"),
          Option.of("bond_miimon", "MIIMonitorSec", Kind.MILLISECONDS, MS_MAX),
          Option.of("bond_updelay", "UpDelaySec", Kind.MILLISECONDS, MS_MAX),
          Option.of("bond_downdelay", "DownDelaySec", Kind.MILLISECONDS, MS_MAX),
          Option.named(
              "bond_xmit_hash_policy",
              "TransmitHashPolicy",
              "layer2",
              "layer3+4",
              "layer2+3",
              "encap2+3",
              "encap3+4"),
          Option.named("bond_lacp_rate", "LACPTransmitRate", "slow", "fast"),
          Option.named("bond_ad_select", "AdSelect", "stable", "bandwidth", "count"),
          Option.of("bond_ad_actor_sys_prio", "AdActorSystemPriority", Kind.COUNT, 65535),
          Option.of("bond_ad_user_port_key", "AdUserPortKey", Kind.COUNT, 1023),
          Option.of("bond_ad_actor_system", "AdActorSystem", Kind.MAC, 0),
          Option.named("bond_fail_over_mac", "FailOverMACPolicy", "none", "active", "follow"),
          Option.of("bond_arp_interval", "ARPIntervalSec", Kind.MILLISECONDS, MS_MAX),
          Option.of("bond_arp_ip_target", "ARPIPTargets", Kind.IPV4_LIST, 16),
          Option.named("bond_arp_validate", "ARPValidate", "none", "active", "backup", "all"),
          Option.named("bond_arp_all_targets", "ARPAllTargets", "any", "all"),
          Option.named(
              "bond_primary_reselect", "PrimaryReselectPolicy", "always", "better", "failure"),
          Option.of("bond_num_grat_arp", "GratuitousARP", Kind.COUNT, 255),
          Option.of("bond_num_unsol_na", "GratuitousARP", Kind.COUNT, 255),
          Option.of("bond_all_slaves_active", "AllSlavesActive", Kind.BOOLEAN, 0),
          Option.of("bond_packets_per_slave", "PacketsPerSlave", Kind.COUNT, 65535),
          Option.of("bond_min_links", "MinLinks", Kind.COUNT, 65535),
          Option.of("bond_lp_interval", "LearnPacketIntervalSec", Kind.SECONDS, 0x7fffffff));

  private BondSettings() {}

  /**
   * The {@code [Bond]} lines for {@code link}, reporting what is left out to {@code skipped}; empty
   * when the bond cannot be converted.
   */
  static Optional<List<String>> lines(JsonNode link, String subject, List<Skipped> skipped) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : link.properties()) {
      String key = field.getKey();
      if (!key.startsWith("bond_") || key.equals("bond_links") || field.getValue().isNull()) {
        continue;
      }
      Optional<Option> option = OPTIONS.stream().filter(o -> o.key().equals(key)).findFirst();
      if (option.isEmpty()) {
        skipped.add(
            new Skipped(
                subject + " " + key,
                "networkd has no bond setting for \"" + key + "\"; left to the kernel's default"));
        continue;
      }
      Optional<String> value = value(option.get(), field.getValue());
      if (value.isEmpty()) {
        String reason =
            "invalid value " + NetworkDataFields.show(field.getValue()) + expected(option.get());
        if (key.equals("bond_mode")) {
          skipped.add(new Skipped(subject, "bond_mode: " + reason + "; the bond is not created"));
          return Optional.empty();
        }
        skipped.add(new Skipped(subject + " " + key, reason));
        continue;
      }
      String setting = option.get().setting();
      String earlier = settings.putIfAbsent(setting, value.get());
      if (earlier != null && !earlier.equals(value.get())) {
        skipped.add(
            new Skipped(
                subject + " " + key,
                "conflicts with the " + setting + "=" + earlier + " another key asks for"));
      }
    }
    List<String> lines = new ArrayList<>();
    for (Option o : OPTIONS) {
      String value = settings.remove(o.setting());
      if (value != null) {
        lines.add(o.setting() + "=" + value);
      }
    }
    return Optional.of(lines);
  }

  private static Optional<String> value(Option option, JsonNode node) {
    return switch (option.kind()) {
      case NAME -> name(option, node);
      case MILLISECONDS ->
          NetworkDataFields.integer(node).filter(n -> n <= option.max()).map(n -> n + "ms");
      case SECONDS ->
          NetworkDataFields.integer(node).filter(n -> n <= option.max()).map(n -> n + "s");
      case COUNT ->
          NetworkDataFields.integer(node).filter(n -> n <= option.max()).map(String::valueOf);
      case BOOLEAN -> bool(node);
      case IPV4_LIST -> ipv4List(node, option.max());
      case MAC ->
          node.isTextual()
              ? MacAddress.parse(node.asText().strip()).filter(m -> m.length() == 17)
              : Optional.empty();
    };
  }

  private static Optional<String> name(Option option, JsonNode node) {
    Optional<Integer> number = NetworkDataFields.integer(node);
    if (number.isPresent()) {
      return number.get() < option.names().size()
          ? Optional.of(option.names().get(number.get()))
          : Optional.empty();
    }
    if (!node.isTextual()) {
      return Optional.empty();
    }
    String text = node.asText().strip().toLowerCase(Locale.ROOT);
    if (option.key().equals("bond_mode") && text.equals("802.1ad")) {
      return Optional.of("802.3ad"); // the typo of nova's original specification
    }
    return option.names().contains(text) ? Optional.of(text) : Optional.empty();
  }

  private static Optional<String> bool(JsonNode node) {
    if (node.isBoolean()) {
      return Optional.of(node.asBoolean() ? "yes" : "no");
    }
    Optional<Integer> number = NetworkDataFields.integer(node);
    if (number.isPresent() && number.get() <= 1) {
      return Optional.of(number.get() == 1 ? "yes" : "no");
    }
    return Optional.empty();
  }

  private static Optional<String> ipv4List(JsonNode node, int max) {
    List<String> texts = new ArrayList<>();
    if (node.isArray()) {
      for (JsonNode item : node) {
        if (!item.isTextual()) {
          return Optional.empty();
        }
        texts.add(item.asText().strip());
      }
    } else if (node.isTextual()) {
      texts.addAll(NetworkDataFields.words(node.asText()));
    }
    if (texts.isEmpty() || texts.size() > max) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (String text : texts) {
      Optional<IpAddress> ip = IpAddress.parse(text).filter(IpAddress::isV4);
      if (ip.isEmpty()) {
        return Optional.empty();
      }
      out.add(ip.get().toString());
    }
    return Optional.of(String.join(" ", out));
  }

  private static String expected(Option option) {
    return switch (option.kind()) {
      case NAME ->
          " (expected " + String.join(", ", option.names()) + " or 0-" + option.max() + ")";
      case MILLISECONDS -> " (expected milliseconds, 0-" + option.max() + ")";
      case SECONDS -> " (expected seconds)";
      case COUNT -> " (expected 0-" + option.max() + ")";
      case BOOLEAN -> " (expected true, false, 0 or 1)";
      case IPV4_LIST -> " (expected up to " + option.max() + " IPv4 addresses)";
      case MAC -> " (expected a MAC address)";
    };
  }
}
