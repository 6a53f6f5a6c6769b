package dev.kindling.metadata;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.value.JsonTree;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON form of {@link Metadata} (docs/cli.md, {@code fetch --format json}'s {@code metadata}
 * object), read by {@code --metadata FILE}. A whole {@code fetch} document is accepted too.
 */
public final class MetadataJson {
  /** The fields of the metadata object, in the order {@link #toJson} writes them. */
  private static final List<String> FIELDS =
      List.of(
          "instanceId",
          "hostname",
          "publicIPv4",
          "privateIPv4",
          "publicIPv6",
          "privateIPv6",
          "sshPublicKeys",
          "networkConfig");

  private MetadataJson() {}

  /** Reads metadata JSON; throws with a message naming the problem. */
  public static Metadata read(byte[] json) throws IOException {
    JsonNode root = JsonTree.read(json);
    if (root == null || !root.isObject()) {
      throw new IOException("metadata must be a JSON object");
    }
    JsonNode m =
        root.has("metadata") && root.get("metadata").isObject() ? root.get("metadata") : root;
    checkFields(m);
    Map<String, String> keys = new LinkedHashMap<>();
    JsonNode ssh = m.get("sshPublicKeys");
    if (ssh != null && !ssh.isNull()) {
      if (!ssh.isObject()) {
        throw new IOException("sshPublicKeys must be an object of name to key");
      }
      for (Map.Entry<String, JsonNode> e : ssh.properties()) {
        if (!e.getValue().isTextual()) {
          throw new IOException("sshPublicKeys." + e.getKey() + " must be a string");
        }
        keys.put(e.getKey(), e.getValue().asText());
      }
    }
    Optional<Metadata.NetworkConfig> network = Optional.empty();
    JsonNode nc = m.get("networkConfig");
    if (nc != null && nc.isObject()) {
      network =
          Optional.of(
              new Metadata.NetworkConfig(
                  text(nc, "format").orElse(""), text(nc, "content").orElse("")));
    }
    return new Metadata(
        text(m, "instanceId"),
        text(m, "hostname"),
        text(m, "publicIPv4"),
        text(m, "privateIPv4"),
        text(m, "publicIPv6"),
        text(m, "privateIPv6"),
        keys,
        network);
  }

  /**
   * Refuses a field this format does not have: a misspelt {@code privateIpv4} would otherwise leave
   * {@code $private_ipv4} unresolved without saying why.
   */
  private static void checkFields(JsonNode m) throws IOException {
    for (Iterator<String> names = m.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (FIELDS.contains(name)) {
        continue;
      }
      String hint =
          FIELDS.stream()
              .filter(f -> f.equalsIgnoreCase(name))
              .findFirst()
              .map(f -> "did you mean \"" + f + "\"?")
              .orElse("known fields: " + String.join(", ", FIELDS));
      throw new IOException("unknown metadata field \"" + name + "\" (" + hint + ")");
    }
  }

  private static Optional<String> text(JsonNode node, String field) throws IOException {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new IOException(field + " must be a string or null");
    }
    return v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
  }

  /** The metadata as a JSON object (absent values are null). */
  public static ObjectNode toJson(Metadata metadata) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("instanceId", metadata.instanceId().orElse(null));
    o.put("hostname", metadata.hostname().orElse(null));
    o.put("publicIPv4", metadata.publicIpv4().orElse(null));
    o.put("privateIPv4", metadata.privateIpv4().orElse(null));
    o.put("publicIPv6", metadata.publicIpv6().orElse(null));
    o.put("privateIPv6", metadata.privateIpv6().orElse(null));
    ObjectNode keys = o.putObject("sshPublicKeys");
    metadata.sshPublicKeys().forEach(keys::put);
    metadata
        .networkConfig()
        .ifPresent(
            n -> {
              ObjectNode net = o.putObject("networkConfig");
              net.put("format", n.format());
              net.put("content", n.content());
            });
    return o;
  }

  /**
   * Writes the fields of {@link #toJson} to an object {@code g} has started, in the same order,
   * with the streaming generator (no databind tree); the network document only when {@code
   * withNetwork}.
   */
  public static void writeFields(JsonGenerator g, Metadata metadata, boolean withNetwork)
      throws IOException {
    g.writeStringField("instanceId", metadata.instanceId().orElse(null));
    g.writeStringField("hostname", metadata.hostname().orElse(null));
    g.writeStringField("publicIPv4", metadata.publicIpv4().orElse(null));
    g.writeStringField("privateIPv4", metadata.privateIpv4().orElse(null));
    g.writeStringField("publicIPv6", metadata.publicIpv6().orElse(null));
    g.writeStringField("privateIPv6", metadata.privateIpv6().orElse(null));
    g.writeObjectFieldStart("sshPublicKeys");
    for (Map.Entry<String, String> key : metadata.sshPublicKeys().entrySet()) {
      g.writeStringField(key.getKey(), key.getValue());
    }
    g.writeEndObject();
    if (withNetwork && metadata.networkConfig().isPresent()) {
      Metadata.NetworkConfig n = metadata.networkConfig().get();
      g.writeObjectFieldStart("networkConfig");
      g.writeStringField("format", n.format());
      g.writeStringField("content", n.content());
      g.writeEndObject();
    }
  }
}
