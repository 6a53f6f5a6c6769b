package dev.kindling.analysis.rules;

import dev.kindling.config.Code;
import dev.kindling.config.EnvSection;
import dev.kindling.config.Finding;
import dev.kindling.config.yaml.ConfigPath;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Values that are written verbatim as one line of a line-based file must not hold a line break or
 * another control character: {@code hostname} ({@code /etc/hostname} and the {@code
 * manage_etc_hosts} line of {@code /etc/hosts}), {@code coreos.update.group} and {@code server}
 * ({@code GROUP=} and {@code SERVER=} of {@code /etc/coreos/update.conf}) and {@code coreos.oem.id}
 * and {@code version_id} (the unquoted {@code ID=} and {@code VERSION_ID=} of {@code
 * /etc/oem-release}). The original wrote them as they were, so {@code group: "stable\nSERVER=..."}
 * added a line of its own choosing to the file; here such a value is an error and is not applied
 * (docs/compatibility.md#line-breaks-in-one-line-values-are-errors). Values that go into drop-ins
 * and {@code options.env} are quoted instead and need no check.
 */
final class ControlCharacterRule implements Rule {
  @Override
  public void check(RuleContext context, Consumer<Finding> out) {
    check(
        ConfigPath.of("hostname"),
        context.config().hostname(),
        "/etc/hostname and /etc/hosts",
        out);
    EnvSection update = context.config().coreos().update();
    for (String key : new String[] {"group", "server"}) {
      check(
          ConfigPath.of("coreos", "update", key),
          update.string(key),
          "/etc/coreos/update.conf",
          out);
    }
    EnvSection oem = context.config().coreos().oem();
    for (String key : new String[] {"id", "version_id"}) {
      check(ConfigPath.of("coreos", "oem", key), oem.string(key), "/etc/oem-release", out);
    }
  }

  private static void check(ConfigPath path, String value, String file, Consumer<Finding> out) {
    OptionalInt c = first(value);
    if (c.isEmpty()) {
      return;
    }
    boolean lineBreak = c.getAsInt() == '\n' || c.getAsInt() == '\r';
    out.accept(
        Finding.error(
                Code.CONTROL_CHARACTER,
                path,
                "\""
                    + path
                    + "\" holds "
                    + (lineBreak ? "a line break" : "a control character")
                    + " ("
                    + codePoint(c.getAsInt())
                    + "): it would be written into "
                    + file
                    + (lineBreak ? " as more than one line" : "")
                    + ", so it is not applied")
            .withHint(
                "write the value on one line without control characters; in a double-quoted"
                    + " YAML string \\n is a line break, and a | or > block adds one at its end"));
  }

  /** The first C0 control character or DEL in {@code value}, if any. */
  static OptionalInt first(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return OptionalInt.of(c);
      }
    }
    return OptionalInt.empty();
  }

  private static String codePoint(int c) {
    return String.format(Locale.ROOT, "U+%04X", c);
  }
}
