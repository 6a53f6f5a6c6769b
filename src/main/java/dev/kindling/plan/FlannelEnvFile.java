package dev.kindling.plan;

import dev.kindling.config.EnvSection;
import java.util.Map;
import java.util.Optional;

/**
 * Renders {@code coreos.flannel} to {@code /run/flannel/options.env}: one {@code KEY=value} line
 * per set field in table order, mode 0644. Unlike the original, the file ends with a newline
 * (without it, tools that append to the file glued their line to the last one:
 * docs/compatibility.md#flannel-optionsenv-ends-with-a-newline). flanneld reads the file with
 * systemd's {@code EnvironmentFile=}, which drops backslashes and leading and trailing blanks of an
 * unquoted value and takes a leading quote as quoting. The original wrote every value raw, so such
 * values reached flanneld changed; Kindling writes a value raw when it survives that (URLs, paths
 * and addresses, as before) and otherwise double-quoted, with {@code "}, {@code \}, {@code `} and
 * {@code $} backslash-escaped, which systemd reads back exactly
 * (docs/compatibility.md#flannel-values-systemd-would-change-are-quoted).
 */
public final class FlannelEnvFile {
  /** Where flanneld reads its options. */
  public static final String PATH = "/run/flannel/options.env";

  private FlannelEnvFile() {}

  /** The file content, or empty when no field is set. */
  public static Optional<String> render(EnvSection flannel) {
    Map<String, String> variables = EnvDropIns.variables(flannel);
    if (variables.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder out = new StringBuilder();
    variables.forEach((k, v) -> out.append(k).append('=').append(value(v)).append('\n'));
    return Optional.of(out.toString());
  }

  /** {@code value} as an {@code EnvironmentFile=} value that reads back as {@code value}. */
  static String value(String value) {
    if (value.isEmpty() || survivesUnquoted(value)) {
      return value;
    }
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\' || c == '`' || c == '$') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('"').toString();
  }

  private static boolean survivesUnquoted(String value) {
    String blanks = " \t\n\r";
    char first = value.charAt(0);
    char last = value.charAt(value.length() - 1);
    return value.indexOf('\\') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0
        && blanks.indexOf(first) < 0
        && blanks.indexOf(last) < 0
        && first != '"'
        && first != '\'';
  }
}
