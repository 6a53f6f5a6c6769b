package dev.kindling.plan.netconf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a debian {@code /etc/network/interfaces} text into {@code iface} stanzas (upstream
 * network/debian.go and stanza.go): backslash-newline joins lines, comments and blank lines go,
 * each stanza starts with {@code auto}, {@code iface}, {@code mapping} or {@code allow-*}.
 * Differences from the original: {@code allow-*} stanzas are accepted and ignored like {@code auto}
 * (the original rejected the common {@code allow-hotplug} line and with it the whole file); {@code
 * mapping} is still unsupported.
 */
final class DebianStanzas {
  /**
   * One {@code iface NAME FAMILY METHOD} stanza and its option lines. {@code post-up} and {@code
   * pre-down} collect every line's text after the keyword; other options keep their last line's
   * words.
   */
  record Iface(String name, String family, String method, Map<String, List<String>> options) {}

  private DebianStanzas() {}

  static List<Iface> parse(String text) throws NetconfException {
    List<List<String>> stanzas = new ArrayList<>();
    List<String> current = null;
    for (String line : lines(text)) {
      if (isStanzaStart(line)) {
        current = new ArrayList<>();
        current.add(line);
        stanzas.add(current);
      } else if (current != null) {
        current.add(line);
      } else {
        throw new NetconfException("missing stanza start " + quote(line));
      }
    }
    List<Iface> ifaces = new ArrayList<>();
    for (List<String> stanza : stanzas) {
      String[] tokens = fields(stanza.get(0));
      if (tokens.length < 2) {
        throw new NetconfException("malformed stanza start " + quote(stanza.get(0)));
      }
      if (tokens[0].equals("iface")) {
        ifaces.add(iface(tokens, stanza.subList(1, stanza.size())));
      } else if (!tokens[0].equals("auto") && !tokens[0].startsWith("allow-")) {
        throw new NetconfException("unknown stanza " + quote(tokens[0]));
      }
    }
    return ifaces;
  }

  private static Iface iface(String[] tokens, List<String> optionLines) throws NetconfException {
    if (tokens.length != 4) {
      throw new NetconfException("incorrect number of attributes");
    }
    Map<String, List<String>> options = new LinkedHashMap<>();
    for (String line : optionLines) {
      if (line.startsWith("post-up") || line.startsWith("pre-down")) {
        int space = line.indexOf(' ');
        if (space >= 0) {
          String key = line.startsWith("post-up") ? "post-up" : "pre-down";
          options.computeIfAbsent(key, k -> new ArrayList<>()).add(line.substring(space + 1));
        }
      } else {
        String[] words = fields(line);
        options.put(words[0], List.of(words).subList(1, words.length));
      }
    }
    return new Iface(tokens[1], tokens[2], tokens[3], options);
  }

  /** Lines with continuations joined, trimmed, without comments and blank lines. */
  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    for (String raw : text.replace("\\\n", "").split("\n", -1)) {
      String line = raw.strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        out.add(line);
      }
    }
    return out;
  }

  private static boolean isStanzaStart(String line) {
    String first = line.split(" ", -1)[0];
    return first.equals("auto")
        || first.equals("iface")
        || first.equals("mapping")
        || line.startsWith("allow-");
  }

  static String[] fields(String line) {
    String trimmed = line.strip();
    return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
  }

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
