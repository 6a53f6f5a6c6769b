package dev.kindling.plan.netconf;

import dev.kindling.value.IpAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * Hardware addresses as Go's {@code net.ParseMAC} reads them ({@code 00:00:5e:00:53:01}, {@code
 * 00-00-5E-00-53-01}, {@code 0000.5e00.5301}; 6, 8 or 20 bytes), printed in lower-case colon form.
 */
public final class MacAddress {
  private MacAddress() {}

  /** The normalised address, or empty when {@code text} is not one. */
  public static Optional<String> parse(String text) {
    String hex;
    if (text.indexOf('.') >= 0) {
      String[] groups = text.split("\\.", -1);
      if (!validGroups(groups, 4)) {
        return Optional.empty();
      }
      hex = String.join("", groups);
    } else {
      char separator = text.indexOf(':') >= 0 ? ':' : '-';
      String[] groups = text.split(separator == ':' ? ":" : "-", -1);
      if (!validGroups(groups, 2)) {
        return Optional.empty();
      }
      hex = String.join("", groups);
    }
    int length = hex.length() / 2;
    if (length != 6 && length != 8 && length != 20) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < hex.length(); i += 2) {
      if (i > 0) {
        out.append(':');
      }
      out.append(hex, i, i + 2);
    }
    return Optional.of(out.toString().toLowerCase(Locale.ROOT));
  }

  private static boolean validGroups(String[] groups, int width) {
    if (groups.length < 2) {
      return false;
    }
    for (String g : groups) {
      if (g.length() != width) {
        return false;
      }
      for (int k = 0; k < g.length(); k++) {
        if (!IpAddress.isHex(g.charAt(k))) {
          return false;
        }
      }
    }
    return true;
  }
}
