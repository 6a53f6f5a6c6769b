package dev.kindling.serve;

import dev.kindling.metadata.Metadata;
import dev.kindling.metadata.MetadataJson;
import dev.kindling.value.Bytes;
import dev.kindling.value.FailureText;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The user data (and optional metadata) of a {@code POST /v1/validate} or {@code /v1/render}:
 * either the body itself is the user data, or the body is {@code multipart/form-data} with a field
 * {@code user-data} and an optional field {@code metadata} (a metadata JSON document in the {@code
 * fetch} format).
 *
 * @param userData the user data bytes, as a datasource would deliver them
 * @param metadata the metadata, when the form had one
 */
record Upload(Bytes userData, Optional<Metadata> metadata) {
  /** The form field that holds the user data. */
  static final String USER_DATA_FIELD = "user-data";

  /** The form field that holds the metadata JSON. */
  static final String METADATA_FIELD = "metadata";

  private static final String FORM = "multipart/form-data";

  /** Media types whose body is taken as the user data itself. */
  private static final Set<String> RAW_TYPES =
      Set.of(
          "application/octet-stream",
          "application/yaml",
          "application/x-yaml",
          "application/json",
          "application/gzip",
          "application/x-gzip",
          "multipart/mixed");

  /**
   * Whether a body of this {@code Content-Type} can be read at all, checked before the body is.
   *
   * @throws HttpError 415 with what to send instead
   */
  static void checkContentType(Optional<String> contentType) throws HttpError {
    String type = mediaType(contentType);
    if (type.isEmpty()
        || type.equals(FORM)
        || type.startsWith("text/")
        || RAW_TYPES.contains(type)) {
      return;
    }
    if (type.equals("application/x-www-form-urlencoded")) {
      throw new HttpError(
          415,
          "application/x-www-form-urlencoded is not accepted (curl -d drops line ends): send the"
              + " file as it is, e.g. curl --data-binary @user-data -H 'Content-Type:"
              + " application/octet-stream', or as multipart/form-data (curl -F user-data=@FILE)");
    }
    throw new HttpError(
        415,
        "Content-Type "
            + type
            + " is not accepted: send the user data as application/octet-stream (or text/*), or"
            + " as multipart/form-data with the fields user-data and metadata");
  }

  /**
   * Reads the request's user data and metadata.
   *
   * @throws HttpError 400 for a malformed form or metadata document, 415 for another media type
   */
  static Upload of(Request request) throws HttpError {
    checkContentType(request.contentType());
    if (!mediaType(request.contentType()).equals(FORM)) {
      return new Upload(request.body(), Optional.empty());
    }
    Map<String, byte[]> fields =
        FormData.parse(request.contentType().get(), request.body().toByteArray());
    for (String name : fields.keySet()) {
      if (!name.equals(USER_DATA_FIELD) && !name.equals(METADATA_FIELD)) {
        throw new HttpError(
            400, "unknown form field \"" + name + "\" (expected user-data and metadata)");
      }
    }
    byte[] userData = fields.get(USER_DATA_FIELD);
    if (userData == null) {
      throw new HttpError(400, "the form has no user-data field");
    }
    byte[] metadata = fields.get(METADATA_FIELD);
    if (metadata == null || isBlank(metadata)) {
      return new Upload(Bytes.of(userData), Optional.empty());
    }
    try {
      return new Upload(Bytes.of(userData), Optional.of(MetadataJson.read(metadata)));
    } catch (IOException e) {
      throw new HttpError(400, "the metadata field is not a metadata document: " + reason(e));
    }
  }

  private static String mediaType(Optional<String> contentType) {
    return contentType.map(t -> t.split(";", 2)[0].strip().toLowerCase(Locale.ROOT)).orElse("");
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }

  private static String reason(IOException e) {
    // Jackson appends the source location on further lines; the first line says what is wrong.
    return FailureText.of(e).split("\n", 2)[0];
  }
}
