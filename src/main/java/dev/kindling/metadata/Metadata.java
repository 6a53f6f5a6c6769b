package dev.kindling.metadata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a datasource knows about the instance, the same for every platform. Absent values are empty,
 * never "".
 *
 * @param instanceId the platform's instance id
 * @param hostname the hostname the platform assigned
 * @param publicIpv4 public IPv4 address (dotted quad)
 * @param privateIpv4 private IPv4 address
 * @param publicIpv6 public IPv6 address (canonical compressed form)
 * @param privateIpv6 private IPv6 address
 * @param sshPublicKeys SSH public keys by name, in the order the platform listed them
 * @param networkConfig raw network configuration for {@code --convert-netconf}, if any
 */
public record Metadata(
    Optional<String> instanceId,
    Optional<String> hostname,
    Optional<String> publicIpv4,
    Optional<String> privateIpv4,
    Optional<String> publicIpv6,
    Optional<String> privateIpv6,
    Map<String, String> sshPublicKeys,
    Optional<NetworkConfig> networkConfig) {

  public Metadata {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(hostname, "hostname");
    Objects.requireNonNull(publicIpv4, "publicIpv4");
    Objects.requireNonNull(privateIpv4, "privateIpv4");
    Objects.requireNonNull(publicIpv6, "publicIpv6");
    Objects.requireNonNull(privateIpv6, "privateIpv6");
    Objects.requireNonNull(networkConfig, "networkConfig");
    sshPublicKeys = Collections.unmodifiableMap(new LinkedHashMap<>(sshPublicKeys));
  }

  /** No metadata at all (file, url and proc-cmdline sources). */
  public static Metadata empty() {
    return new Metadata(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Map.of(),
        Optional.empty());
  }

  /**
   * Whether nothing is known. Component by component: the record's generated {@code equals}
   * bootstraps an invokedynamic call site the first time it runs, several milliseconds of start-up.
   */
  public boolean isEmpty() {
    return instanceId.isEmpty()
        && hostname.isEmpty()
        && publicIpv4.isEmpty()
        && privateIpv4.isEmpty()
        && publicIpv6.isEmpty()
        && privateIpv6.isEmpty()
        && sshPublicKeys.isEmpty()
        && networkConfig.isEmpty();
  }

  /**
   * Raw network configuration a datasource supplied, tagged with its format.
   *
   * @param format {@code debian} (config-drive interfaces file), {@code packet} (JSON), {@code
   *     vmware} (guestinfo key/values as JSON object), {@code openstack} (network_data.json)
   * @param content the raw bytes, UTF-8 text
   */
  public record NetworkConfig(String format, String content) {
    public NetworkConfig {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(content, "content");
    }
  }
}
