package dev.kindling.analysis;

import dev.kindling.config.Hostname;
import dev.kindling.config.SshPublicKey;
import dev.kindling.metadata.Metadata;
import dev.kindling.value.IpAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Metadata values are input too: each value that ends up on disk, in a unit or in the user data is
 * checked with the rule the same value has in user data, and one that fails is dropped (with why),
 * never written. The hostname follows {@link Hostname} (a DNS name of at most 253 characters, since
 * only its first label is set), each SSH key {@link SshPublicKey}, each address must be an address
 * of its family ({@link IpAddress}), and the instance id, which names files and fills environment
 * files, must be 1 to 255 letters, digits, {@code .}, {@code _}, {@code :}, {@code @}, {@code +} or
 * {@code -}, and neither {@code .} nor {@code ..}.
 */
public final class MetadataCheck {
  /** The longest instance id kept (a file name's limit). */
  static final int MAX_INSTANCE_ID = 255;

  private MetadataCheck() {}

  /**
   * The metadata without the values that failed, and one message per dropped value (what and why; a
   * hostname or key name is shown cut and escaped, a key or address never).
   */
  public record Checked(Metadata metadata, List<String> dropped) {
    public Checked {
      Objects.requireNonNull(metadata, "metadata");
      dropped = List.copyOf(dropped);
    }
  }

  /** Checks every value of {@code metadata}. */
  public static Checked check(Metadata metadata) {
    List<String> dropped = new ArrayList<>();
    Optional<String> instanceId =
        keep(metadata.instanceId(), "instance id", MetadataCheck::instanceIdProblem, dropped);
    Optional<String> hostname =
        keep(metadata.hostname(), "hostname", MetadataCheck::hostnameProblem, dropped);
    Optional<String> publicIpv4 =
        keep(metadata.publicIpv4(), "public IPv4 address", address(true), dropped);
    Optional<String> privateIpv4 =
        keep(metadata.privateIpv4(), "private IPv4 address", address(true), dropped);
    Optional<String> publicIpv6 =
        keep(metadata.publicIpv6(), "public IPv6 address", address(false), dropped);
    Optional<String> privateIpv6 =
        keep(metadata.privateIpv6(), "private IPv6 address", address(false), dropped);
    Map<String, String> keys = new LinkedHashMap<>();
    metadata
        .sshPublicKeys()
        .forEach(
            (name, key) -> {
              if (SshPublicKey.parse(key) instanceof SshPublicKey.Invalid bad) {
                dropped.add(
                    "metadata SSH key \""
                        + Hostname.shown(name)
                        + "\" dropped: invalid SSH key: "
                        + bad.reason());
              } else {
                keys.put(name, key);
              }
            });
    if (dropped.isEmpty()) {
      return new Checked(metadata, dropped);
    }
    return new Checked(
        new Metadata(
            instanceId,
            hostname,
            publicIpv4,
            privateIpv4,
            publicIpv6,
            privateIpv6,
            keys,
            metadata.networkConfig()),
        dropped);
  }

  /** Why {@code id} cannot be an instance id, or empty. */
  static Optional<String> instanceIdProblem(String id) {
    if (id.isEmpty() || id.length() > MAX_INSTANCE_ID) {
      return Optional.of("it must have 1 to " + MAX_INSTANCE_ID + " characters");
    }
    if (id.equals(".") || id.equals("..")) {
      return Optional.of("it is \"" + id + "\"");
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || ".:_@+-".indexOf(c) >= 0;
      if (!ok) {
        return Optional.of(
            String.format(
                "character U+%04X is not allowed (letters, digits and . _ : @ + - are)",
                id.codePointAt(i)));
      }
    }
    return Optional.empty();
  }

  /** Why {@code name} cannot be the platform's hostname, or empty. */
  static Optional<String> hostnameProblem(String name) {
    return Hostname.problem(name, Hostname.MAX_DNS_NAME)
        .map(
            why ->
                "\""
                    + Hostname.shown(name)
                    + "\" is not a hostname: "
                    + why
                    + " (letters, digits and \"-\" in dot-separated labels)");
  }

  /** The rule of an address field: an IP address literal of its family. */
  private static Function<String, Optional<String>> address(boolean v4) {
    return text ->
        IpAddress.parse(text).filter(ip -> ip.isV4() == v4).isPresent()
            ? Optional.empty()
            : Optional.of("it is not an " + (v4 ? "IPv4" : "IPv6") + " address");
  }

  /** The value when it passes {@code rule}; else empty, and what was dropped and why. */
  private static Optional<String> keep(
      Optional<String> value,
      String what,
      Function<String, Optional<String>> rule,
      List<String> dropped) {
    Optional<String> why = value.flatMap(rule);
    if (why.isEmpty()) {
      return value;
    }
    dropped.add("metadata " + what + " dropped: " + why.get());
    return Optional.empty();
  }
}
