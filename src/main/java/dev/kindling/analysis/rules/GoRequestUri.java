package dev.kindling.analysis.rules;

import java.util.Optional;

/**
 * Go's {@code url.ParseRequestURI}, the check coreos-cloudinit applies to etcd discovery URLs: an
 * absolute URL ({@code https://host/path}, {@code mailto:x}) or an absolute path ({@code /token}).
 * Returns why a text is rejected, in words close to Go's errors.
 */
final class GoRequestUri {
  private GoRequestUri() {}

  /** Why Go's {@code url.ParseRequestURI} rejects {@code raw}, or empty when it accepts it. */
  static Optional<String> problem(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return Optional.of("it contains a control character");
      }
    }
    if (raw.isEmpty()) {
      return Optional.of("it is empty");
    }
    if (raw.equals("*")) {
      return Optional.empty();
    }
    int colon = schemeEnd(raw);
    if (colon == 0) {
      return Optional.of("it starts with \":\" (missing protocol scheme)");
    }
    boolean hasScheme = colon > 0;
    String rest = hasScheme ? raw.substring(colon + 1) : raw;
    int question = rest.indexOf('?');
    if (question >= 0) {
      rest = rest.substring(0, question);
    }
    if (!rest.startsWith("/")) {
      return hasScheme
          ? Optional.empty()
          : Optional.of("it is neither an absolute URL (scheme://host/path) nor an absolute path");
    }
    if (hasScheme && rest.startsWith("//")) {
      String authority = rest.substring(2);
      int slash = authority.indexOf('/');
      String path = slash >= 0 ? authority.substring(slash) : "";
      authority = slash >= 0 ? authority.substring(0, slash) : authority;
      Optional<String> bad = authorityProblem(authority);
      if (bad.isPresent()) {
        return bad;
      }
      return escapeProblem(path);
    }
    return escapeProblem(rest);
  }

  /** The index of the scheme's colon, -1 when there is no scheme, 0 for a leading colon. */
  private static int schemeEnd(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        continue;
      }
      if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
        if (i == 0) {
          return -1;
        }
        continue;
      }
      return c == ':' ? i : -1;
    }
    return -1;
  }

  private static Optional<String> authorityProblem(String authority) {
    int at = authority.lastIndexOf('@');
    String host = at >= 0 ? authority.substring(at + 1) : authority;
    Optional<String> bad = hostProblem(host);
    if (bad.isPresent() || at < 0) {
      return bad;
    }
    String userinfo = authority.substring(0, at);
    for (int i = 0; i < userinfo.length(); i++) {
      char c = userinfo.charAt(i);
      if (!isAlnum(c) && "-._:~!$&'()*+,;=%@".indexOf(c) < 0) {
        return Optional.of("the user information before \"@\" has an invalid character");
      }
    }
    return escapeProblem(userinfo);
  }

  private static Optional<String> hostProblem(String host) {
    String port;
    if (host.startsWith("[")) {
      int close = host.lastIndexOf(']');
      if (close < 0) {
        return Optional.of("the host is missing \"]\"");
      }
      port = host.substring(close + 1);
    } else {
      int colon = host.lastIndexOf(':');
      port = colon >= 0 ? host.substring(colon) : "";
    }
    if (!port.isEmpty()
        && (port.charAt(0) != ':'
            || !port.substring(1).chars().allMatch(c -> c >= '0' && c <= '9'))) {
      return Optional.of("invalid port \"" + port + "\" after the host");
    }
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c == '%') {
        if (i + 2 >= host.length() || !isHex(host.charAt(i + 1)) || !isHex(host.charAt(i + 2))) {
          return Optional.of("invalid escape in the host");
        }
        if (Character.digit(host.charAt(i + 1), 16) < 8 && !host.startsWith("%25", i)) {
          return Optional.of("invalid escape in the host (only non-ASCII bytes may be escaped)");
        }
        continue;
      }
      if (c < 0x80 && !isAlnum(c) && "!$&'()*+,;=:[]<>\"-_.~".indexOf(c) < 0) {
        return Optional.of("invalid character \"" + c + "\" in the host name");
      }
    }
    return Optional.empty();
  }

  /** Every {@code %} must start a two-digit hex escape. */
  private static Optional<String> escapeProblem(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '%'
          && (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2)))) {
        return Optional.of("\"%\" is not followed by two hex digits");
      }
    }
    return Optional.empty();
  }

  private static boolean isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0 && c < 0x80;
  }
}
