package dev.kindling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The project documents itself: no file cites a document that is not in the repository (the rule or
 * the reason is written in place, or points into docs/), and every relative link of the Markdown
 * files, and every docs page and anchor a comment cites, points at an existing file and heading.
 */
class DocumentationTest {
  /** The trees and files that are scanned. */
  private static final List<String> SCANNED =
      List.of(
          "src",
          "docs",
          "packaging",
          "e2e",
          "bench",
          "scripts",
          "samples",
          "schemas",
          ".ci",
          "README.md",
          "pom.xml");

  private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "node_modules", ".git");

  /** The contract's name, split so that this file does not cite it. */
  private static final String CONTRACT_NAME = "CON" + "TRACT";

  /**
   * Citations of documents outside the repository: the section sign, their file names and
   * directory, numbered "reference" sections, and the bare contract name.
   */
  private static final Pattern OUTSIDE_CITATION =
      Pattern.compile(
          "\u00a7"
              + "|("
              + CONTRACT_NAME
              + "|style|java-stack|vm-harness|coreos-cloudinit|anchors|next-phase)\\.md"
              + "|/work/"
              + "shared|\\.\\./"
              + "shared/"
              + "|\\b[Rr]eference \\d+(\\.\\d+)+"
              + "|\\b"
              + CONTRACT_NAME
              + "\\b");

  /** A Markdown link or image: {@code [text](target)} or {@code [text](target "title")}. */
  private static final Pattern MARKDOWN_LINK =
      Pattern.compile("!?\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

  /** A docs/ page named in any file, with an optional anchor. */
  private static final Pattern DOCS_CITATION =
      Pattern.compile("(?<![\\w/.-])(docs/[\\w./-]+\\.md)(#[\\w-]+)?");

  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");

  private final Map<Path, Set<String>> anchors = new HashMap<>();

  @Test
  void noFile_citesDocumentsOutsideTheRepository() throws IOException {
    List<String> citations = new ArrayList<>();
    for (Path file : scannedFiles()) {
      Optional<String> text = utf8(file);
      if (text.isEmpty()) {
        continue;
      }
      List<String> lines = text.get().lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = OUTSIDE_CITATION.matcher(lines.get(i));
        if (m.find()) {
          citations.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
        }
      }
    }
    assertThat(citations)
        .as("write the rule or the reason in place, or link into docs/ (docs/compatibility.md#...)")
        .isEmpty();
  }

  @Test
  void markdownLinks_pointAtExistingFilesAndHeadings() throws IOException {
    List<String> broken = new ArrayList<>();
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    for (Path page : pages) {
      List<String> lines = withoutCode(Files.readString(page, StandardCharsets.UTF_8), true);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = MARKDOWN_LINK.matcher(lines.get(i));
        while (m.find()) {
          String target = m.group(1);
          if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            continue; // http:, https:, mailto:
          }
          int hash = target.indexOf('#');
          String path = hash < 0 ? target : target.substring(0, hash);
          String anchor = hash < 0 ? "" : target.substring(hash + 1);
          Path resolved = path.isEmpty() ? page : page.resolveSibling(path).normalize();
          problem(resolved, anchor).ifPresent(p -> broken.add(page + ":" + m.group() + ": " + p));
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void docsCitations_pointAtExistingFilesAndHeadings() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path file : scannedFiles()) {
      Optional<String> text = utf8(file);
      if (text.isEmpty()) {
        continue;
      }
      Matcher m = DOCS_CITATION.matcher(text.get());
      while (m.find()) {
        String anchor = m.group(2) == null ? "" : m.group(2).substring(1);
        problem(Path.of(m.group(1)), anchor)
            .ifPresent(p -> broken.add(file + ": " + m.group() + ": " + p));
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void slug_followsGitHubHeadingAnchors() {
    assertThat(slug("Environment= values are escaped")).isEqualTo("environment-values-are-escaped");
    assertThat(slug("`kindling validate`")).isEqualTo("kindling-validate");
    assertThat(slug("update.conf is read from the root"))
        .isEqualTo("updateconf-is-read-from-the-root");
    assertThat(slug("The launcher's -validate reports Kindling's findings"))
        .isEqualTo("the-launchers--validate-reports-kindlings-findings");
    assertThat(slug("One bad write_files entry")).isEqualTo("one-bad-write_files-entry");
  }

  /** Why {@code file#anchor} does not resolve, if it does not. */
  private Optional<String> problem(Path file, String anchor) throws IOException {
    if (!Files.exists(file)) {
      return Optional.of("no such file " + file);
    }
    if (anchor.isEmpty() || !file.toString().endsWith(".md")) {
      return Optional.empty();
    }
    Set<String> known = anchors.get(file);
    if (known == null) {
      known = headings(Files.readString(file, StandardCharsets.UTF_8));
      anchors.put(file, known);
    }
    return known.contains(anchor)
        ? Optional.empty()
        : Optional.of("no heading with anchor #" + anchor + " in " + file);
  }

  /** The anchors GitHub gives the headings of a Markdown text, duplicates numbered. */
  static Set<String> headings(String markdown) {
    Set<String> out = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : withoutCode(markdown, false)) {
      Matcher m = HEADING.matcher(line);
      if (m.matches()) {
        String base = slug(m.group(2));
        int n = seen.merge(base, 1, Integer::sum) - 1;
        out.add(n == 0 ? base : base + "-" + n);
      }
    }
    return out;
  }

  /** A heading's anchor: lower case, punctuation dropped, spaces as hyphens. */
  static String slug(String heading) {
    StringBuilder out = new StringBuilder();
    heading
        .strip()
        .toLowerCase(Locale.ROOT)
        .codePoints()
        .forEach(
            c -> {
              if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                out.appendCodePoint(c);
              } else if (c == ' ') {
                out.append('-');
              }
            });
    return out.toString();
  }

  /**
   * The lines of a Markdown text with fenced code blocks blanked (line numbers kept), and inline
   * code spans emptied when {@code inline}.
   */
  private static List<String> withoutCode(String markdown, boolean inline) {
    List<String> out = new ArrayList<>();
    boolean fenced = false;
    for (String line : markdown.lines().toList()) {
      if (line.stripLeading().startsWith("```")) {
        fenced = !fenced;
        out.add("");
      } else {
        out.add(fenced ? "" : inline ? line.replaceAll("`[^`]*`", "``") : line);
      }
    }
    return out;
  }

  private static List<Path> scannedFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String name : SCANNED) {
      Path start = Path.of(name);
      if (!Files.exists(start)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(start)) {
        walk.filter(Files::isRegularFile).filter(p -> !skipped(p)).sorted().forEach(files::add);
      }
    }
    return files;
  }

  private static boolean skipped(Path file) {
    for (Path part : file) {
      if (SKIPPED_DIRECTORIES.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }

  /** The file as text, or empty when it is not UTF-8 (binary test data). */
  private static Optional<String> utf8(Path file) throws IOException {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
