package dev.kindling.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A unit or drop-in file read with systemd's INI rules (systemd.syntax(7), {@code conf-parser.c}):
 * lines are trimmed; blank lines and lines starting with {@code #} or {@code ;} are skipped; a line
 * ending in a backslash continues on the next one; {@code [Section]} starts a section; everything
 * else is {@code Key=Value}, except {@code .include PATH}, which systemd still honours (deprecated:
 * it reads the named file in place and logs a warning). Lines systemd would reject or ignore are
 * kept as problems, by content line number, without their text (unit files may hold secrets).
 *
 * @param sections the sections in order, with their settings
 * @param problems the lines systemd rejects or ignores, in order
 * @param includes the content lines of {@code .include} directives, in order
 */
public record UnitFile(List<Section> sections, List<Problem> problems, List<Integer> includes) {
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+");

  /** How systemd's parser recognises an include directive (the space is part of it). */
  private static final String INCLUDE = ".include ";

  public UnitFile {
    sections = List.copyOf(sections);
    problems = List.copyOf(problems);
    includes = List.copyOf(includes);
  }

  /**
   * One {@code [Name]} section.
   *
   * @param name the name between the brackets
   * @param line the 1-based content line of the header
   * @param settings the assignments in it, in order
   */
  public record Section(String name, int line, List<Setting> settings) {
    public Section {
      Objects.requireNonNull(name, "name");
      settings = List.copyOf(settings);
    }
  }

  /**
   * One {@code Key=Value} assignment.
   *
   * @param key the key, trimmed
   * @param value the value, trimmed, continuation lines joined with a space
   * @param line the 1-based content line where the assignment starts
   */
  public record Setting(String key, String value, int line) {
    public Setting {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      // Values may be secrets (Environment=PASSWORD=...).
      return "Setting[" + key + " at line " + line + "]";
    }
  }

  /** What is wrong with a line. */
  public enum ProblemKind {
    /** {@code [Name} without the closing bracket, or control characters in it: the file fails. */
    INVALID_SECTION_HEADER,
    /** No {@code =}: systemd ignores the line. */
    MISSING_EQUALS,
    /** Nothing before {@code =}: systemd ignores the line. */
    MISSING_KEY,
    /** A key with characters other than letters, digits, {@code _} and {@code -}. */
    INVALID_KEY,
    /** An assignment before the first section header: systemd ignores it. */
    OUTSIDE_SECTION
  }

  /**
   * A line systemd rejects or ignores.
   *
   * @param line the 1-based content line where the (logical) line starts
   * @param kind what is wrong
   */
  public record Problem(int line, ProblemKind kind) {
    public Problem {
      Objects.requireNonNull(kind, "kind");
    }
  }

  /** Parses unit file content. Never throws. */
  public static UnitFile parse(String content) {
    Reader reader = new Reader();
    String[] lines = content.split("\n", -1);
    StringBuilder continuation = null;
    int logicalStart = 0;
    for (int i = 0; i < lines.length; i++) {
      String raw = stripCr(lines[i]);
      String trimmed = raw.strip();
      if (!trimmed.isEmpty() && (trimmed.charAt(0) == '#' || trimmed.charAt(0) == ';')) {
        continue;
      }
      if (continuation == null) {
        logicalStart = i + 1;
      }
      if (endsWithUnescapedBackslash(raw)) {
        String part = raw.substring(0, raw.length() - 1) + " ";
        continuation = continuation == null ? new StringBuilder(part) : continuation.append(part);
        continue;
      }
      reader.line(continuation == null ? raw : continuation.append(raw).toString(), logicalStart);
      continuation = null;
    }
    if (continuation != null) {
      // A file ending in a backslash: systemd parses what it has.
      reader.line(continuation.toString(), logicalStart);
    }
    return reader.finish();
  }

  /** The state of one parse: the open section and what was collected so far. */
  private static final class Reader {
    private final List<Section> sections = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Integer> includes = new ArrayList<>();
    private String sectionName;
    private int sectionLine;
    private List<Setting> settings = new ArrayList<>();
    private boolean brokenHeader;

    void line(String text, int line) {
      String logical = text.strip();
      if (logical.isEmpty()) {
        return;
      }
      if (logical.startsWith(INCLUDE)) {
        includes.add(line);
        return;
      }
      if (logical.charAt(0) == '[') {
        header(logical, line);
        return;
      }
      if (sectionName == null && !brokenHeader) {
        problems.add(new Problem(line, ProblemKind.OUTSIDE_SECTION));
        return;
      }
      int eq = logical.indexOf('=');
      if (eq < 0) {
        problems.add(new Problem(line, ProblemKind.MISSING_EQUALS));
        return;
      }
      String key = logical.substring(0, eq).strip();
      if (key.isEmpty()) {
        problems.add(new Problem(line, ProblemKind.MISSING_KEY));
      } else if (!KEY.matcher(key).matches()) {
        problems.add(new Problem(line, ProblemKind.INVALID_KEY));
      } else if (sectionName != null) {
        settings.add(new Setting(key, logical.substring(eq + 1).strip(), line));
      }
    }

    private void header(String logical, int line) {
      closeSection();
      if (logical.length() < 2 || !logical.endsWith("]") || hasControl(logical)) {
        // systemd stops here; the lines below still belong to this (broken) section.
        problems.add(new Problem(line, ProblemKind.INVALID_SECTION_HEADER));
        sectionName = null;
        brokenHeader = true;
        return;
      }
      sectionName = logical.substring(1, logical.length() - 1);
      sectionLine = line;
      brokenHeader = false;
    }

    private void closeSection() {
      if (sectionName != null) {
        sections.add(new Section(sectionName, sectionLine, settings));
      }
      settings = new ArrayList<>();
    }

    UnitFile finish() {
      closeSection();
      return new UnitFile(sections, problems, includes);
    }
  }

  /** The section with this name (the first, if repeated). */
  public Optional<Section> section(String name) {
    return sections.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  /** A trailing backslash that is not itself escaped ({@code \\} at the end is a literal one). */
  private static boolean endsWithUnescapedBackslash(String line) {
    int n = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      n++;
    }
    return n % 2 == 1;
  }

  private static boolean hasControl(String text) {
    return text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
  }
}
