package dev.kindling.serve;

/** One resource of the server: turns a request (body already read) into a response. */
@FunctionalInterface
interface Endpoint {
  /**
   * Answers the request.
   *
   * @throws HttpError when the request is refused (bad form, bad parameter, ...)
   */
  Response handle(Request request) throws HttpError;
}
