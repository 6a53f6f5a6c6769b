package dev.kindling.plan.netconf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts OpenStack's {@code network_data.json} (config drive and metadata service, as nova and
 * Ironic write it) into networkd files: {@link OpenStackLinks} turns links into devices, {@link
 * OpenStackNetworks} binds networks and DNS to them, {@link OpenStackNetworkd} writes the files.
 * What cannot be converted is listed in {@link Conversion#skipped()}, never guessed. networkd
 * creates bonds and VLANs itself (the kernel loads their modules on demand), so no module is
 * loaded.
 */
final class OpenStackNetconf {
  private static final Pattern SUBJECT =
      Pattern.compile("(links|networks|services)(?:\\[(\\d+)])?.*");

  private OpenStackNetconf() {}

  static Conversion convert(JsonNode root) throws NetconfException {
    List<JsonNode> links = NetworkDataFields.elements(root, "links");
    List<JsonNode> networks = NetworkDataFields.elements(root, "networks");
    List<JsonNode> services = NetworkDataFields.elements(root, "services");
    List<Skipped> skipped = new ArrayList<>();
    OpenStackLinks.Devices devices = OpenStackLinks.convert(links, skipped);
    OpenStackNetworks.apply(networks, services, devices, skipped);
    skipped.sort(
        (a, b) -> {
          int bySection = Integer.compare(section(a), section(b));
          return bySection != 0 ? bySection : Integer.compare(index(a), index(b));
        });
    return new Conversion(
        OpenStackNetworkd.files(devices.devices()), false, Optional.empty(), skipped);
  }

  /** Reports in document order: links, then networks, then services, each by index. */
  private static int section(Skipped s) {
    Matcher m = SUBJECT.matcher(s.subject());
    return !m.matches() ? 3 : List.of("links", "networks", "services").indexOf(m.group(1));
  }

  private static int index(Skipped s) {
    Matcher m = SUBJECT.matcher(s.subject());
    return m.matches() && m.group(2) != null ? Integer.parseInt(m.group(2)) : -1;
  }
}
