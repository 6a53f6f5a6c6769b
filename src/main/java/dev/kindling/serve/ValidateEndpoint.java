package dev.kindling.serve;

import dev.kindling.validate.FileReport;
import dev.kindling.validate.JsonReportPrinter;
import dev.kindling.validate.SarifReportPrinter;
import dev.kindling.validate.TextReportPrinter;
import dev.kindling.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v1/validate[?format=json|sarif|text]}: the report of {@code kindling validate} for
 * the uploaded user data, printed by the same printers (JSON by default).
 */
final class ValidateEndpoint implements Endpoint {
  /** The name the report gives the uploaded user data. */
  static final String FILE_NAME = "user-data";

  /** The media type of SARIF logs. */
  static final String SARIF_TYPE = "application/sarif+json; charset=utf-8";

  private final String toolVersion;

  ValidateEndpoint(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  @Override
  public Response handle(Request request) throws HttpError {
    QueryParameters.onlyKnown(request.query(), Set.of("format"));
    String format = request.query().getOrDefault("format", "json");
    if (!format.equals("json") && !format.equals("sarif") && !format.equals("text")) {
      throw new HttpError(
          400, "unknown format \"" + Text.clip(format, 20) + "\" (expected json, sarif or text)");
    }
    Upload upload = Upload.of(request);
    List<FileReport> reports =
        List.of(Validator.validate(FILE_NAME, upload.userData().toByteArray(), upload.metadata()));
    StringWriter out = new StringWriter();
    try {
      switch (format) {
        case "sarif" -> new SarifReportPrinter(out, toolVersion).print(reports);
        case "text" -> {
          PrintWriter pw = new PrintWriter(out);
          new TextReportPrinter(pw).print(reports);
          pw.flush();
        }
        default -> new JsonReportPrinter(out).print(reports);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String type =
        switch (format) {
          case "sarif" -> SARIF_TYPE;
          case "text" -> "text/plain; charset=utf-8";
          default -> Response.JSON_TYPE;
        };
    return Response.ok(type, out.toString());
  }
}
