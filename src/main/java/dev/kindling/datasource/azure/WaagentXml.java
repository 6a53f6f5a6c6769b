package dev.kindling.datasource.azure;

import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.IpAddresses;
import dev.kindling.datasource.SafeXml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Reads the Azure documents the waagent directory holds: {@code SharedConfig.xml} (this instance's
 * private address and its first load-balanced public address) and {@code ovf-env.xml} (the {@code
 * LinuxProvisioningConfigurationSet}: host name, SSH public keys, CustomData).
 */
final class WaagentXml {
  private WaagentXml() {}

  /** The IPv4 addresses in {@code SharedConfig.xml}. */
  record Addresses(Optional<String> privateIpv4, Optional<String> publicIpv4) {}

  /** What {@code ovf-env.xml} says about the machine. */
  record Provisioning(Optional<String> hostname, Map<String, String> sshKeys) {
    Provisioning {
      sshKeys = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sshKeys));
    }
  }

  /**
   * The private IPv4 (the {@code address} of the {@code Instance} whose {@code id} equals {@code
   * Incarnation@instance}) and the public IPv4 (host of that instance's first endpoint whose {@code
   * loadBalancedPublicAddress} is {@code host:port}).
   */
  static Addresses addresses(byte[] xml, String what) throws DatasourceException {
    Element root = SafeXml.parse(xml, what, "SharedConfig", "<SharedConfig>");
    Optional<String> self =
        SafeXml.child(root, "Incarnation").flatMap(e -> SafeXml.attribute(e, "instance"));
    if (self.isEmpty()) {
      return new Addresses(Optional.empty(), Optional.empty());
    }
    Optional<Element> instance = Optional.empty();
    for (Element instances : SafeXml.children(root, "Instances")) {
      for (Element candidate : SafeXml.children(instances, "Instance")) {
        if (instance.isEmpty() && SafeXml.attribute(candidate, "id").equals(self)) {
          instance = Optional.of(candidate);
        }
      }
    }
    if (instance.isEmpty()) {
      return new Addresses(Optional.empty(), Optional.empty());
    }
    Optional<String> privateIpv4 = Optional.empty();
    Optional<String> address = SafeXml.attribute(instance.get(), "address");
    if (address.isPresent()) {
      privateIpv4 = IpAddresses.ipv4(address.get().strip());
      if (privateIpv4.isEmpty()) {
        throw new DatasourceException(
            "failed to read "
                + what
                + ": instance \""
                + self.get()
                + "\" address is not an IPv4 address: "
                + address.get());
      }
    }
    return new Addresses(privateIpv4, publicAddress(instance.get(), what));
  }

  private static Optional<String> publicAddress(Element instance, String what)
      throws DatasourceException {
    for (Element endpoints : SafeXml.children(instance, "InputEndpoints")) {
      for (Element endpoint : SafeXml.children(endpoints, "Endpoint")) {
        Optional<String> hostPort = SafeXml.attribute(endpoint, "loadBalancedPublicAddress");
        int colon = hostPort.map(s -> s.lastIndexOf(':')).orElse(-1);
        if (colon <= 0 || hostPort.get().startsWith("[")) {
          continue; // not host:port (or an IPv6 [host]:port): try the next endpoint
        }
        String host = hostPort.get().substring(0, colon);
        Optional<String> ip = IpAddresses.ipv4(host);
        if (ip.isEmpty()) {
          throw new DatasourceException(
              "failed to read "
                  + what
                  + ": loadBalancedPublicAddress is not IPv4:port: "
                  + hostPort.get());
        }
        return ip;
      }
    }
    return Optional.empty();
  }

  /** The host name and SSH public keys in {@code ovf-env.xml}. */
  static Provisioning provisioning(byte[] xml, String what) throws DatasourceException {
    Optional<Element> set = provisioningSet(xml, what);
    if (set.isEmpty()) {
      return new Provisioning(Optional.empty(), Map.of());
    }
    Optional<String> hostname = SafeXml.child(set.get(), "HostName").flatMap(SafeXml::text);
    Map<String, String> keys = new LinkedHashMap<>();
    List<Element> publicKeys =
        SafeXml.child(set.get(), "SSH")
            .flatMap(ssh -> SafeXml.child(ssh, "PublicKeys"))
            .map(pk -> SafeXml.children(pk, "PublicKey"))
            .orElse(List.of());
    for (int i = 0; i < publicKeys.size(); i++) {
      Element key = publicKeys.get(i);
      Optional<String> value = SafeXml.child(key, "Value").flatMap(SafeXml::text);
      if (value.isEmpty()) {
        continue; // only a certificate fingerprint: the key is in a file waagent writes
      }
      String name =
          SafeXml.child(key, "Fingerprint").flatMap(SafeXml::text).orElse(String.valueOf(i));
      keys.put(name, value.get());
    }
    return new Provisioning(hostname, keys);
  }

  /** The base64 text of {@code <CustomData>} in {@code ovf-env.xml}, if any. */
  static Optional<String> customData(byte[] xml, String what) throws DatasourceException {
    return provisioningSet(xml, what)
        .flatMap(set -> SafeXml.child(set, "CustomData"))
        .flatMap(SafeXml::text);
  }

  private static Optional<Element> provisioningSet(byte[] xml, String what)
      throws DatasourceException {
    Element root = SafeXml.parse(xml, what, "Environment", "<Environment>");
    return SafeXml.descendant(root, "LinuxProvisioningConfigurationSet");
  }
}
