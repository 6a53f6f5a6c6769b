package dev.kindling.serve;

/** {@code GET /healthz}: {@code {"status": "ok"}} while the server answers. */
final class HealthEndpoint implements Endpoint {
  @Override
  public Response handle(Request request) {
    return Response.ok(Response.JSON_TYPE, "{\"status\":\"ok\"}\n");
  }
}
