package dev.kindling.config;

import java.util.List;
import java.util.Objects;

/**
 * One {@code bootcmd} or {@code runcmd} item, in cloud-init's two shapes: a string is a shell line
 * ({@code /bin/sh} interprets it: pipes, variables, globs), a list is argv words run without any
 * expansion. Either way it runs as {@code /bin/sh -c LINE}, the list's words single-quoted into one
 * line, as cloud-init's {@code shellify} writes them.
 *
 * @param words the shell line (one element) or the argv words
 * @param shell whether {@code words} is one line for the shell
 */
public record ShellCommand(List<String> words, boolean shell) {
  public ShellCommand {
    words = List.copyOf(words);
    if (shell && words.size() != 1) {
      throw new IllegalArgumentException("a shell command is one line");
    }
  }

  /** A string item: one line the shell interprets. */
  public static ShellCommand line(String text) {
    return new ShellCommand(List.of(Objects.requireNonNull(text, "text")), true);
  }

  /** A list item: argv words, no expansion. */
  public static ShellCommand argv(List<String> words) {
    return new ShellCommand(words, false);
  }

  /** The line {@code /bin/sh -c} runs: the string as written, or the words single-quoted. */
  public String shellLine() {
    if (shell) {
      return words.get(0);
    }
    StringBuilder out = new StringBuilder();
    for (String word : words) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append('\'').append(word.replace("'", "'\\''")).append('\'');
    }
    return out.toString();
  }
}
