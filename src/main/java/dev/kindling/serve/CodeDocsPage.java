package dev.kindling.serve;

import dev.kindling.config.Code;
import dev.kindling.config.CodeDocs;

/**
 * {@code GET /docs/codes}: the finding codes' documentation ({@link CodeDocs}, the source of
 * docs/codes.md) as one HTML page with one section per code, anchored by the code itself ({@code
 * #unknown-key}) as in docs/codes.md, so a finding's link lands on its explanation offline.
 */
final class CodeDocsPage {
  private CodeDocsPage() {}

  /** The page. */
  static Response response() {
    StringBuilder html = new StringBuilder(8192);
    html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Kindling finding codes</title>")
        .append("<link rel=\"stylesheet\" href=\"/app.css\">")
        .append("<link rel=\"icon\" href=\"/favicon.svg\"></head>\n")
        .append("<body class=\"docs\"><header><h1>Kindling finding codes</h1>")
        .append("<p><a href=\"/\">Back to the validator</a></p></header><main>\n");
    for (Code code : Code.values()) {
      CodeDocs.Doc doc = CodeDocs.of(code);
      html.append("<section id=\"")
          .append(escape(code.id()))
          .append("\"><h2><a href=\"#")
          .append(escape(code.id()))
          .append("\">")
          .append(escape(code.id()))
          .append("</a></h2><p class=\"summary\">")
          .append(escape(code.summary()))
          .append(".</p><p>")
          .append(prose(doc.meaning()))
          .append("</p><p><b>Example:</b></p><pre>")
          .append(escape(doc.example()))
          .append("</pre><p><b>Fix:</b> ")
          .append(prose(doc.fix()))
          .append("</p></section>\n");
    }
    html.append("</main></body></html>\n");
    return Response.ok("text/html; charset=utf-8", html.toString());
  }

  /** Escaped text with its {@code `code`} spans as {@code <code>} elements. */
  static String prose(String text) {
    String[] parts = text.split("`", -1);
    if (parts.length % 2 == 0) {
      return escape(text); // an unpaired backtick: no code spans
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i % 2 == 1) {
        sb.append("<code>").append(escape(parts[i])).append("</code>");
      } else {
        sb.append(escape(parts[i]));
      }
    }
    return sb.toString();
  }

  /** HTML-escapes text for element content and double-quoted attributes. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
