package dev.kindling.datasource.vmware;

import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.Deadline;
import dev.kindling.datasource.IpAddresses;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The VMware network variables found by enumerating {@code dns.server.N}, {@code dns.domain.N} and
 * {@code interface.N.*} from index 0 until the first missing one (as the original did), and the IP
 * addresses they give by {@code interface.N.role}.
 *
 * @param values every variable found, by name without {@code guestinfo.}, in enumeration order
 */
record VmwareNetworkKeys(
    Map<String, String> values,
    Optional<String> publicIpv4,
    Optional<String> privateIpv4,
    Optional<String> publicIpv6,
    Optional<String> privateIpv6) {

  VmwareNetworkKeys {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** Reads the variables from {@code source}. */
  static VmwareNetworkKeys read(GuestinfoSource source, Deadline deadline)
      throws DatasourceException, InterruptedException {
    return new Reader(source, deadline).read();
  }

  private static final class Reader {
    private final GuestinfoSource source;
    private final Deadline deadline;
    private final Map<String, String> values = new LinkedHashMap<>();
    private Optional<String> publicIpv4 = Optional.empty();
    private Optional<String> privateIpv4 = Optional.empty();
    private Optional<String> publicIpv6 = Optional.empty();
    private Optional<String> privateIpv6 = Optional.empty();

    Reader(GuestinfoSource source, Deadline deadline) {
      this.source = source;
      this.deadline = deadline;
    }

    VmwareNetworkKeys read() throws DatasourceException, InterruptedException {
      for (String list : new String[] {"dns.server.", "dns.domain."}) {
        for (int i = 0; i < VmwareGuestinfoDatasource.MAX_INDEX; i++) {
          if (save(list + i).isEmpty()) {
            break;
          }
        }
      }
      for (int i = 0; i < VmwareGuestinfoDatasource.MAX_INDEX; i++) {
        if (!readInterface("interface." + i + ".")) {
          break;
        }
      }
      return new VmwareNetworkKeys(values, publicIpv4, privateIpv4, publicIpv6, privateIpv6);
    }

    /** Reads one interface's variables; whether it has any. */
    private boolean readInterface(String prefix) throws DatasourceException, InterruptedException {
      boolean found = false;
      for (String field : new String[] {"name", "mac", "dhcp"}) {
        found |= save(prefix + field).isPresent();
      }
      Optional<String> role = source.get(prefix + "role", deadline).map(String::strip);
      for (int a = 0; a < VmwareGuestinfoDatasource.MAX_INDEX; a++) {
        String key = prefix + "ip." + a + ".address";
        Optional<String> address = save(key);
        if (address.isEmpty()) {
          break;
        }
        found = true;
        assign(role, prefix + "role", key, address.get());
      }
      for (int r = 0; r < VmwareGuestinfoDatasource.MAX_INDEX; r++) {
        boolean gateway = save(prefix + "route." + r + ".gateway").isPresent();
        boolean destination = save(prefix + "route." + r + ".destination").isPresent();
        if (!gateway && !destination) {
          break;
        }
        found = true;
      }
      return found;
    }

    /** Files an address under its interface's role; a later address of a role wins, as upstream. */
    private void assign(Optional<String> role, String roleKey, String key, String cidr)
        throws DatasourceException {
      int slash = cidr.indexOf('/');
      String ip = slash < 0 ? "" : cidr.substring(0, slash).strip();
      String prefixLength = slash < 0 ? "" : cidr.substring(slash + 1).strip();
      Optional<String> v4 = IpAddresses.ipv4(ip);
      Optional<String> v6 = v4.isPresent() ? Optional.empty() : IpAddresses.ipv6(ip);
      int maxPrefix = v4.isPresent() ? 32 : 128;
      if ((v4.isEmpty() && v6.isEmpty()) || !validPrefix(prefixLength, maxPrefix)) {
        throw new DatasourceException(
            "failed to read guestinfo." + key + ": not an address in CIDR notation: " + cidr);
      }
      String r = role.orElse("");
      switch (r) {
        case "public" -> {
          publicIpv4 = v4.isPresent() ? v4 : publicIpv4;
          publicIpv6 = v6.isPresent() ? v6 : publicIpv6;
        }
        case "private" -> {
          privateIpv4 = v4.isPresent() ? v4 : privateIpv4;
          privateIpv6 = v6.isPresent() ? v6 : privateIpv6;
        }
        case "" -> {
          // no role: the address configures the interface but is neither public nor private
        }
        default ->
            throw new DatasourceException(
                "failed to read guestinfo."
                    + roleKey
                    + ": unrecognized role \""
                    + r
                    + "\" (want public or private)");
      }
    }

    private static boolean validPrefix(String text, int max) {
      if (text.isEmpty()
          || text.length() > 3
          || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return false;
      }
      return Integer.parseInt(text) <= max;
    }

    private Optional<String> save(String key) throws DatasourceException, InterruptedException {
      Optional<String> value = source.get(key, deadline);
      value.ifPresent(v -> values.put(key, v));
      return value;
    }
  }
}
