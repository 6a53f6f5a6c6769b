package dev.kindling.plan;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Go's {@code path.Join("/", p)}: the absolute, lexically cleaned form of a path ({@code
 * path.Clean} rules: repeated slashes collapse, {@code .} elements go, {@code ..} removes the
 * element before it and cannot climb above {@code /}).
 */
public final class GoPath {
  private GoPath() {}

  /** {@code path.Join("/", path)}. */
  public static String rooted(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String element : path.split("/", -1)) {
      if (element.isEmpty() || element.equals(".")) {
        continue;
      }
      if (element.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(element);
      }
    }
    return "/" + String.join("/", parts);
  }
}
