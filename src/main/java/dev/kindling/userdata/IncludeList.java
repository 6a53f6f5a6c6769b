package dev.kindling.userdata;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An include file (a Kindling extension, cloud-init's format): a first line {@code #include} or
 * {@code #include-once}, then one {@code http}/{@code https} URL per line, optionally followed by a
 * pin {@code sha256=HEX} (64 hex digits) that the fetched content must match. As in cloud-init, a
 * line starting with {@code #include-once} turns once-mode on and {@code #include} turns it off
 * (the rest of such a line may be a URL), other {@code #} lines are comments and blank lines are
 * skipped. Parsing never fetches anything; what cannot be used is a {@link Problem}.
 *
 * @param entries the usable URLs, in order
 * @param problems what is wrong, by line
 */
public record IncludeList(List<Entry> entries, List<Problem> problems) {
  /** The most URLs one include file may list. */
  public static final int MAX_ENTRIES = 100;

  /** The deepest nesting of include files (an include file fetched by one is depth 2). */
  public static final int MAX_DEPTH = 3;

  private static final String PIN = "sha256=";

  public IncludeList {
    entries = List.copyOf(entries);
    problems = List.copyOf(problems);
  }

  /**
   * One URL.
   *
   * @param url the URL as written
   * @param sha256 the pinned digest in lower-case hex, if any
   * @param once whether it was listed in once-mode ({@code #include-once})
   * @param line its line (1-based)
   */
  public record Entry(String url, Optional<String> sha256, boolean once, int line) {
    public Entry {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(sha256, "sha256");
    }
  }

  /** Something that cannot be used, at a line and column (1-based), with what to do. */
  public record Problem(int line, int column, String message, String hint) {}

  /** Whether the first line of {@code text} makes it an include file. */
  public static boolean isInclude(String firstLine) {
    return firstLine.toLowerCase(Locale.ROOT).startsWith("#include");
  }

  /** Parses an include file. */
  public static IncludeList parse(String text) {
    List<Entry> entries = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    boolean once = false;
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String lower = line.strip().toLowerCase(Locale.ROOT);
      int lineNo = i + 1;
      int start = line.length() - line.stripLeading().length();
      String rest;
      if (lower.startsWith("#include-once")) {
        once = true;
        start += "#include-once".length();
        rest = line.substring(start);
      } else if (lower.startsWith("#include")) {
        once = false;
        start += "#include".length();
        rest = line.substring(start);
      } else if (lower.startsWith("#") || lower.isEmpty()) {
        continue;
      } else {
        rest = line.substring(start);
      }
      if (rest.isBlank()) {
        continue;
      }
      int column = start + (rest.length() - rest.stripLeading().length()) + 1;
      entry(rest.strip(), once, lineNo, column, problems).ifPresent(entries::add);
    }
    if (entries.size() > MAX_ENTRIES) {
      Entry first = entries.get(MAX_ENTRIES);
      problems.add(
          new Problem(
              first.line(),
              1,
              "more than " + MAX_ENTRIES + " URLs in one include file",
              "split the list, or serve the configs as one multipart message"));
      entries = new ArrayList<>(entries.subList(0, MAX_ENTRIES));
    }
    return new IncludeList(entries, problems);
  }

  private static Optional<Entry> entry(
      String text, boolean once, int line, int column, List<Problem> problems) {
    String[] words = text.split("\\s+", -1);
    String url = words[0];
    Optional<String> problem = urlProblem(url);
    if (problem.isPresent()) {
      problems.add(
          new Problem(
              line,
              column,
              problem.get(),
              "write one absolute http:// or https:// URL per line, e.g."
                  + " https://config.example/node.yaml"));
      return Optional.empty();
    }
    Optional<String> pin = Optional.empty();
    int at = column + url.length();
    for (int w = 1; w < words.length; w++) {
      String word = words[w];
      int wordColumn = text.indexOf(word, at - column) + column;
      at = wordColumn + word.length();
      String lower = word.toLowerCase(Locale.ROOT);
      if (lower.startsWith(PIN) && pin.isEmpty()) {
        String hex = lower.substring(PIN.length());
        if (!hex.matches("[0-9a-f]{64}")) {
          problems.add(
              new Problem(
                  line,
                  wordColumn,
                  "invalid pin: a SHA-256 is sha256= and 64 hex digits",
                  "write sha256= and the digest \"sha256sum FILE\" prints"));
          return Optional.empty();
        }
        pin = Optional.of(hex);
      } else {
        problems.add(
            new Problem(
                line,
                wordColumn,
                "unexpected text after the URL",
                "a line holds one URL, optionally followed by sha256=HEX"));
        return Optional.empty();
      }
    }
    return Optional.of(new Entry(url, pin, once, line));
  }

  /**
   * Why {@code url} cannot be fetched, if it cannot: not http/https, or no host. The reason never
   * repeats the URL (it may carry a token).
   */
  public static Optional<String> urlProblem(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("not a URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return Optional.of("not an http:// or https:// URL; only those are fetched");
    }
    if (uri.getHost() == null) {
      return Optional.of("the URL has no host");
    }
    return Optional.empty();
  }
}
