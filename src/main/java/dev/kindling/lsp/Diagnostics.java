package dev.kindling.lsp;

import dev.kindling.config.Code;
import dev.kindling.config.CodeDocs;
import dev.kindling.config.Finding;
import dev.kindling.config.yaml.Position;
import dev.kindling.validate.Entry;
import dev.kindling.validate.FileReport;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Turns a validation report into LSP diagnostics: the range covers the key or value token the
 * finding points at (converted from code-point columns to UTF-16), the code links to its
 * documentation, and the hint follows the message.
 */
final class Diagnostics {
  /** The {@code source} of every diagnostic. */
  static final String SOURCE = "kindling";

  /** Ends the label of a multipart part whose lines are lines of the decoded part, not the file. */
  private static final String DECODED = ", decoded";

  private Diagnostics() {}

  /** One diagnostic per entry, in document order. */
  static List<Located> of(FileReport report, TextDocument document) {
    List<Located> out = new ArrayList<>(report.entries().size());
    for (Entry entry : report.entries()) {
      out.add(new Located(entry, diagnostic(entry, document)));
    }
    return out;
  }

  /**
   * A diagnostic with the entry it came from.
   *
   * @param entry the validator's entry
   * @param diagnostic what the client is sent
   */
  record Located(Entry entry, Diagnostic diagnostic) {}

  private static Diagnostic diagnostic(Entry entry, TextDocument document) {
    Finding f = entry.finding();
    String message = f.message() + f.hint().map(h -> "\nhint: " + h).orElse("");
    Range range;
    if (entry.part().isPresent() && entry.part().get().endsWith(DECODED)) {
      Position p = f.position().orElse(Position.START);
      message = "[" + entry.part().get() + ", line " + p + "] " + message;
      range = new Range(document.position(0), document.position(document.lineEnd(0)));
    } else {
      range = range(f, document);
    }
    Diagnostic d = new Diagnostic(range, message);
    d.setSeverity(
        switch (f.severity()) {
          case ERROR -> DiagnosticSeverity.Error;
          case WARNING -> DiagnosticSeverity.Warning;
          case INFO -> DiagnosticSeverity.Information;
        });
    d.setCode(Either.forLeft(f.code().id()));
    d.setCodeDescription(new DiagnosticCodeDescription(CodeDocs.helpUri(f.code())));
    d.setSource(SOURCE);
    if (f.code() == Code.DEPRECATED_KEY || f.code() == Code.DASH_KEY) {
      d.setTags(List.of(DiagnosticTag.Deprecated));
    }
    return d;
  }

  /** The range of the token a finding points at. */
  static Range range(Finding f, TextDocument document) {
    Position p = f.position().orElse(Position.START);
    int start = document.offsetOfYaml(p.line(), p.column());
    return new Range(document.position(start), document.position(tokenEnd(document, start)));
  }

  /**
   * Where the token at {@code start} ends on its line: after the closing quote of a quoted scalar,
   * before the {@code :} of a plain key, before a comment, else at the end of the line. An empty
   * token (a finding at the end of a line) covers the rest of the line, if any.
   */
  static int tokenEnd(TextDocument document, int start) {
    int lineNumber = document.position(start).getLine();
    int lineStart = document.lineStart(lineNumber);
    String line = document.line(lineNumber);
    int col = start - lineStart;
    if (col >= line.length()) {
      return start;
    }
    char first = line.charAt(col);
    int end;
    if (first == '"' || first == '\'') {
      int close = YamlOutline.closingQuote(line, col);
      end = close < 0 ? line.length() : close + 1;
    } else {
      end = line.length();
      for (int j = col + 1; j < line.length(); j++) {
        char c = line.charAt(j);
        boolean colon =
            c == ':' && (j + 1 == line.length() || line.charAt(j + 1) == ' ') && !isBlock(first);
        if (colon || (c == '#' && line.charAt(j - 1) == ' ')) {
          end = j;
          break;
        }
      }
      while (end > col + 1 && line.charAt(end - 1) == ' ') {
        end--;
      }
    }
    return lineStart + end;
  }

  private static boolean isBlock(char first) {
    return first == '[' || first == '{' || first == '|' || first == '>';
  }
}
