package dev.kindling.config;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Unix path arithmetic with Go's {@code path} semantics, as coreos-cloudinit applies it to {@code
 * write_files[].path}: the target is {@code path.Join("/", path)}, so relative paths land under
 * {@code /} and {@code ..} cannot climb above it.
 */
public final class UnixPath {
  private UnixPath() {}

  /**
   * Go's {@code path.Clean}: one slash between elements, no {@code .}, {@code ..} resolved against
   * the element before it (and dropped at the root), no trailing slash; "" is ".".
   */
  public static String clean(String path) {
    if (path.isEmpty()) {
      return ".";
    }
    boolean rooted = path.startsWith("/");
    Deque<String> out = new ArrayDeque<>();
    for (String element : path.split("/", -1)) {
      if (element.isEmpty() || element.equals(".")) {
        continue;
      }
      if (element.equals("..")) {
        if (!out.isEmpty() && !out.peekLast().equals("..")) {
          out.removeLast();
        } else if (!rooted) {
          out.addLast("..");
        }
        continue;
      }
      out.addLast(element);
    }
    String joined = String.join("/", out);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  /** Where a {@code write_files} path lands: {@code path.Join("/", path)}. */
  public static String target(String path) {
    return clean("/" + path);
  }

  /** Whether the cleaned absolute {@code path} is {@code dir} or lies below it, by component. */
  public static boolean isAtOrBelow(String path, String dir) {
    String p = clean(path);
    String d = clean(dir);
    return p.equals(d) || p.startsWith(d.equals("/") ? "/" : d + "/");
  }

  /** The directory part of a cleaned path ({@code path.Dir}): {@code /etc} for {@code /etc/x}. */
  public static String parent(String path) {
    String p = clean(path);
    int slash = p.lastIndexOf('/');
    if (slash < 0) {
      return ".";
    }
    return slash == 0 ? "/" : p.substring(0, slash);
  }
}
