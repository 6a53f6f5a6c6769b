package dev.kindling.apply;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Splits absolute paths of the target system into components; refuses {@code ..}. */
final class TargetPath {
  private TargetPath() {}

  /**
   * The components of an absolute target path ({@code /etc/hosts} → [etc, hosts]); {@code .} and
   * empty components are dropped.
   *
   * @throws IOException if the path is relative, contains {@code ..} or a NUL, or is the root
   */
  static List<String> components(String target) throws IOException {
    if (!target.startsWith("/")) {
      throw new IOException("path \"" + target + "\" is not absolute");
    }
    if (target.indexOf('\0') >= 0) {
      throw new IOException("path \"" + target.replace("\0", "\\0") + "\" contains a NUL byte");
    }
    List<String> out = new ArrayList<>();
    for (String c : target.split("/", -1)) {
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        throw new IOException("path \"" + target + "\" contains \"..\"");
      }
      out.add(c);
    }
    if (out.isEmpty()) {
      throw new IOException("path \"" + target + "\" names the root directory, not a file");
    }
    return out;
  }

  /** The components of a symbolic link's target text, keeping {@code ..}. */
  static List<String> linkComponents(String link) {
    List<String> out = new ArrayList<>();
    for (String c : link.split("/", -1)) {
      if (!c.isEmpty() && !c.equals(".")) {
        out.add(c);
      }
    }
    return out;
  }

  /** The display form of components: {@code /etc/hosts}. */
  static String join(List<String> components) {
    return "/" + String.join("/", components);
  }
}
