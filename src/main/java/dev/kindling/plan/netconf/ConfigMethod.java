package dev.kindling.plan.netconf;

import dev.kindling.value.IpAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How an interface gets its addresses: static, DHCP, or left alone (manual). */
sealed interface ConfigMethod permits ConfigMethod.Static, ConfigMethod.Dhcp, ConfigMethod.Manual {

  /** The hardware address the config asks to set (debian {@code hwaddress ether}). */
  Optional<String> hwaddress();

  /** Fixed addresses, name servers, search domains and routes. */
  record Static(
      List<IpNetwork> addresses,
      List<IpAddress> nameservers,
      List<String> domains,
      List<Route> routes,
      Optional<String> hwaddress)
      implements ConfigMethod {
    public Static {
      addresses = List.copyOf(addresses);
      nameservers = List.copyOf(nameservers);
      domains = List.copyOf(domains);
      routes = List.copyOf(routes);
      Objects.requireNonNull(hwaddress, "hwaddress");
    }
  }

  /** Addresses from DHCP. */
  record Dhcp(Optional<String> hwaddress) implements ConfigMethod {
    public Dhcp {
      Objects.requireNonNull(hwaddress, "hwaddress");
    }
  }

  /** No addresses (a bond slave or VLAN parent). */
  record Manual() implements ConfigMethod {
    @Override
    public Optional<String> hwaddress() {
      return Optional.empty();
    }
  }
}
