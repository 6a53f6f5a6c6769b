package dev.kindling.serve;

import dev.kindling.config.Code;

/**
 * {@code GET /docs/codes}: one section per finding code, each with the code itself as its anchor
 * ({@code #unknown-key}), so the page's links from a finding land on its explanation offline.
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
      html.append("<section id=\"")
          .append(escape(code.id()))
          .append("\"><h2><a href=\"#")
          .append(escape(code.id()))
          .append("\">")
          .append(escape(code.id()))
          .append("</a></h2><p>")
          .append(escape(code.summary()))
          .append("</p></section>\n");
    }
    html.append("</main></body></html>\n");
    return Response.ok("text/html; charset=utf-8", html.toString());
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
