package dev.kindling.plan.netconf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kindling.value.JsonTree;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a datasource's network config into networkd files ({@code --convert-netconf}): {@code
 * debian} (an interfaces file), {@code packet} (the network JSON), {@code vmware} (guestinfo keys
 * as a JSON object of strings, with or without the {@code guestinfo.} prefix), in
 * coreos-cloudinit's layout, and {@code openstack} ({@code network_data.json}, a Kindling
 * extension: see docs/network.md).
 */
public final class NetconfConverter {
  /** The formats {@code --convert-netconf} accepts. */
  public static final List<String> FORMATS = List.of("debian", "openstack", "packet", "vmware");

  private NetconfConverter() {}

  /** The files and kernel modules for {@code content} in {@code format}. */
  public static Conversion convert(String format, String content) throws NetconfException {
    if (format.equals("openstack")) {
      return OpenStackNetconf.convert(json(content, format));
    }
    List<NetInterface> interfaces =
        switch (format) {
          case "debian" -> DebianNetconf.convert(content);
          case "packet" -> PacketNetconf.convert(json(content, format));
          case "vmware" -> VmwareNetconf.convert(guestinfo(json(content, format)));
          default ->
              throw new NetconfException(
                  "unsupported network config format \""
                      + format
                      + "\" (debian, openstack, packet or vmware)");
        };
    return NetworkdUnits.convert(interfaces);
  }

  private static JsonNode json(String content, String format) throws NetconfException {
    try {
      JsonNode node = JsonTree.read(content);
      if (node == null || !node.isObject()) {
        throw new NetconfException("the " + format + " network config is not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      throw new NetconfException("the " + format + " network config is not valid JSON" + where);
    }
  }

  private static Map<String, String> guestinfo(JsonNode object) throws NetconfException {
    Map<String, String> keys = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      if (!e.getValue().isTextual()) {
        throw new NetconfException("guestinfo value of \"" + e.getKey() + "\" is not a string");
      }
      String key = e.getKey().startsWith("guestinfo.") ? e.getKey().substring(10) : e.getKey();
      keys.put(key, e.getValue().asText());
    }
    return keys;
  }
}
