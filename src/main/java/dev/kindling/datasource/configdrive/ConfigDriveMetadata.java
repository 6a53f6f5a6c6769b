package dev.kindling.datasource.configdrive;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.IpAddresses;
import dev.kindling.datasource.JsonFields;
import dev.kindling.metadata.Metadata;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns config-drive metadata documents into {@link Metadata}: OpenStack {@code meta_data.json}
 * ({@code uuid}, {@code hostname}, {@code public_keys}) and the EC2-style {@code
 * ec2/latest/meta-data.json} ({@code instance-id}, {@code hostname}, {@code local-ipv4}, {@code
 * public-ipv4}, {@code public-keys}).
 */
final class ConfigDriveMetadata {
  private ConfigDriveMetadata() {}

  /** The metadata in an OpenStack {@code meta_data.json} object read from {@code file}. */
  static Metadata fromOpenStack(JsonNode meta, Path file) throws DatasourceException {
    String what = file.toString();
    Map<String, String> keys = new LinkedHashMap<>();
    Optional<JsonNode> publicKeys = JsonFields.object(meta, "public_keys", what);
    if (publicKeys.isPresent()) {
      for (Map.Entry<String, JsonNode> e : publicKeys.get().properties()) {
        if (!e.getValue().isTextual()) {
          throw new DatasourceException(
              "failed to read "
                  + what
                  + ": public_keys \""
                  + e.getKey()
                  + "\" must be a string, found "
                  + JsonFields.kind(e.getValue()));
        }
        if (!e.getValue().asText().isBlank()) {
          keys.put(e.getKey(), e.getValue().asText().strip());
        }
      }
    }
    return new Metadata(
        JsonFields.text(meta, "uuid", what),
        JsonFields.text(meta, "hostname", what),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        keys,
        Optional.empty());
  }

  /** {@code network_config.content_path} of an OpenStack {@code meta_data.json}, if any. */
  static Optional<String> networkContentPath(JsonNode meta, Path file) throws DatasourceException {
    Optional<JsonNode> networkConfig = JsonFields.object(meta, "network_config", file.toString());
    return networkConfig.isEmpty()
        ? Optional.empty()
        : JsonFields.text(networkConfig.get(), "content_path", file + " network_config");
  }

  /** The metadata in an EC2-style {@code meta-data.json} object read from {@code file}. */
  static Metadata fromEc2(JsonNode meta, Path file) throws DatasourceException {
    String what = file.toString();
    Map<String, String> keys = new LinkedHashMap<>();
    Optional<JsonNode> publicKeys = JsonFields.object(meta, "public-keys", what);
    if (publicKeys.isPresent()) {
      for (Map.Entry<String, JsonNode> e : publicKeys.get().properties()) {
        JsonNode value = e.getValue();
        // {"0": {"openssh-key": "ssh-rsa ..."}} as Nova writes it; a plain string is accepted too.
        Optional<String> key;
        if (value.isTextual()) {
          key = Optional.of(value.asText());
        } else if (value.isObject()) {
          key = JsonFields.text(value, "openssh-key", what + " public-keys." + e.getKey());
        } else {
          throw new DatasourceException(
              "failed to read "
                  + what
                  + ": public-keys \""
                  + e.getKey()
                  + "\" must be an object or a string, found "
                  + JsonFields.kind(value));
        }
        key.filter(k -> !k.isBlank()).ifPresent(k -> keys.put(e.getKey(), k.strip()));
      }
    }
    return new Metadata(
        JsonFields.text(meta, "instance-id", what),
        JsonFields.text(meta, "hostname", what),
        ipv4(meta, "public-ipv4", what),
        ipv4(meta, "local-ipv4", what),
        Optional.empty(),
        Optional.empty(),
        keys,
        Optional.empty());
  }

  private static Optional<String> ipv4(JsonNode meta, String field, String what)
      throws DatasourceException {
    Optional<String> text = JsonFields.text(meta, field, what);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> ip = IpAddresses.ipv4(text.get().strip());
    if (ip.isEmpty()) {
      throw new DatasourceException(
          "failed to read " + what + ": \"" + field + "\" is not an IPv4 address: " + text.get());
    }
    return ip;
  }

  /** {@code metadata} with its network configuration replaced. */
  static Metadata withNetwork(Metadata metadata, Metadata.NetworkConfig network) {
    return new Metadata(
        metadata.instanceId(),
        metadata.hostname(),
        metadata.publicIpv4(),
        metadata.privateIpv4(),
        metadata.publicIpv6(),
        metadata.privateIpv6(),
        metadata.sshPublicKeys(),
        Optional.of(network));
  }
}
