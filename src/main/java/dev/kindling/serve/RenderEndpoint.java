package dev.kindling.serve;

import dev.kindling.metadata.Metadata;
import java.util.Set;

/**
 * {@code POST /v1/render}: the plan {@code kindling render --format json} prints for the uploaded
 * user data and optional metadata. Nothing is written and nothing is run.
 */
final class RenderEndpoint implements Endpoint {
  private final PlanRenderer renderer;

  RenderEndpoint(PlanRenderer renderer) {
    this.renderer = renderer;
  }

  @Override
  public Response handle(Request request) throws HttpError {
    QueryParameters.onlyKnown(request.query(), Set.of("format"));
    String format = request.query().getOrDefault("format", "json");
    if (!format.equals("json")) {
      throw new HttpError(400, "unknown format \"" + Text.clip(format, 20) + "\" (expected json)");
    }
    Upload upload = Upload.of(request);
    String plan =
        renderer.planJson(
            upload.userData().toByteArray(), upload.metadata().orElse(Metadata.empty()));
    return Response.ok(Response.JSON_TYPE, plan);
  }
}
