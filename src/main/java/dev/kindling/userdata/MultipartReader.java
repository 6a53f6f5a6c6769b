package dev.kindling.userdata;

import dev.kindling.value.FailureText;
import dev.kindling.value.Gzip;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code multipart/mixed} body into classified parts. Each part's {@code Content-Type}
 * decides what it is: cloud-config and shell-script types are taken at their word, gzip types are
 * decompressed and sniffed, nested multipart is recursed into, cloud-init-only types are kept
 * unclassified (Kindling ignores them), and anything else ({@code text/plain}, {@code
 * application/json}, none) is classified by content like top-level user data.
 */
final class MultipartReader {
  /** Most multipart messages nested inside each other. */
  static final int MAX_NESTING = 8;

  /**
   * Most parts one input may have, nested messages included: each part is validated, planned and
   * written on its own, so ten thousand tiny parts cost minutes of a boot; a message with more is
   * refused whole rather than applied in part.
   */
  static final int MAX_PARTS = 1000;

  /** The gzip media types flatcar's coreos-cloudinit decompresses. */
  static final Set<String> GZIP_TYPES =
      Set.of(
          "application/gzip",
          "application/gzip-compressed",
          "application/gzipped",
          "application/x-compress",
          "application/x-compressed",
          "application/x-gunzip",
          "application/x-gzip",
          "application/x-gzip-compressed");

  /** Shell-script types: cloud-init's frequencies are accepted, every script runs at each boot. */
  static final Set<String> SCRIPT_TYPES =
      Set.of(
          "text/x-shellscript",
          "text/x-shellscript-per-boot",
          "text/x-shellscript-per-instance",
          "text/x-shellscript-per-once");

  /** Include-file types (a Kindling extension): lists of URLs whose content is user data. */
  static final Set<String> INCLUDE_TYPES = Set.of("text/x-include-url", "text/x-include-once-url");

  /** cloud-init part types Kindling does not implement; such parts are left unclassified. */
  static final Set<String> CLOUD_INIT_ONLY_TYPES =
      Set.of(
          "text/cloud-boothook",
          "text/part-handler",
          "text/jinja2",
          "text/cloud-config-archive",
          "text/cloud-config-jsonp",
          "text/upstart-job");

  private final UserDataClassifier classifier;

  MultipartReader(UserDataClassifier classifier) {
    this.classifier = classifier;
  }

  /**
   * Reads the body {@code data[from..]} of a multipart message of type {@code media}.
   *
   * @param line the line number of {@code from}
   * @param located whether line numbers are lines of the whole input
   * @param depth how many multipart messages enclose this one
   */
  UserData read(byte[] data, int from, int line, boolean located, MediaType media, int depth) {
    if (!media.value().equals("multipart/mixed")) {
      return problem(
          data, media.value() + " is not supported; use multipart/mixed (every part is applied)");
    }
    Optional<String> boundary = media.param("boundary").filter(b -> !b.isEmpty());
    if (boundary.isEmpty()) {
      return problem(data, "Content-Type multipart/mixed has no boundary parameter");
    }
    if (depth >= MAX_NESTING) {
      return problem(data, "multipart messages are nested more than " + MAX_NESTING + " deep");
    }
    String dash = "--" + boundary.get();
    MultipartSplitter.Split split =
        MultipartSplitter.split(data, from, data.length, line, boundary.get());
    if (split.parts().isEmpty()) {
      return problem(
          data, "the message has no parts: no line is the boundary line \"" + dash + "\"");
    }
    if (!classifier.takeParts(split.parts().size())) {
      return problem(
          data,
          "the message has more than "
              + MAX_PARTS
              + " parts (nested messages included); split it or merge parts");
    }
    List<UserData.Part> parts = new ArrayList<>();
    for (MultipartSplitter.RawPart raw : split.parts()) {
      parts.add(part(data, raw, parts.size() + 1, located, depth));
    }
    Optional<String> problem =
        split.closed()
            ? Optional.empty()
            : Optional.of("the message does not end with the closing boundary \"" + dash + "--\"");
    return UserDataClassifier.multipart(data, parts, problem);
  }

  private UserData.Part part(
      byte[] data, MultipartSplitter.RawPart raw, int index, boolean located, int depth) {
    MimeHeaders headers = MimeHeaders.parse(data, raw.start(), raw.end(), raw.line());
    Optional<MimeHeaders.Field> typeField = headers.get("content-type");
    MediaType media = MediaType.parse(typeField.map(MimeHeaders.Field::value).orElse("text/plain"));
    String contentType = typeField.isPresent() ? media.value() : "";
    String name = fileName(headers, media);
    int headerLine =
        located ? typeField.map(MimeHeaders.Field::line).orElse(raw.boundaryLine()) : 0;
    if (headers.problem().isPresent()) {
      return new UserData.Part(
          index, name, contentType, failed(headers.problem().get()), 0, headerLine);
    }
    String encodingName =
        headers.get("content-transfer-encoding").map(MimeHeaders.Field::value).orElse("");
    TransferEncoding encoding = TransferEncoding.of(encodingName);
    if (encoding == null) {
      return new UserData.Part(
          index,
          name,
          contentType,
          failed("unsupported Content-Transfer-Encoding \"" + encodingName.strip() + "\""),
          0,
          headerLine);
    }
    byte[] body;
    try {
      body = encoding.decode(data, Math.min(headers.bodyOffset(), raw.end()), raw.end());
    } catch (TransferEncoding.DecodeException e) {
      return new UserData.Part(index, name, contentType, failed(e.getMessage()), 0, headerLine);
    }
    boolean verbatim = encoding == TransferEncoding.IDENTITY;
    UserData content = classify(body, media, headers.bodyLine(), located && verbatim, depth);
    int firstLine = located && verbatim && !content.gzipped() ? headers.bodyLine() : 0;
    return new UserData.Part(index, name, contentType, content, firstLine, headerLine);
  }

  private UserData classify(byte[] body, MediaType media, int line, boolean located, int depth) {
    byte[] content = body;
    boolean gzipped = false;
    boolean lines = located;
    if (GZIP_TYPES.contains(media.value()) || Gzip.isGzip(body)) {
      try {
        content = classifier.gunzip(body);
      } catch (IOException e) {
        return UserDataClassifier.compressionProblem(
            "part does not decompress as gzip: " + FailureText.of(e));
      }
      gzipped = true;
      lines = false;
    }
    UserData inner = byType(content, media, lines ? line : 1, lines, depth);
    return gzipped
        ? new UserData(inner.kind(), content, true, inner.parts(), inner.problem())
        : inner;
  }

  private UserData byType(byte[] content, MediaType media, int line, boolean located, int depth) {
    String type = media.value();
    if (type.equals("text/cloud-config")) {
      // The Content-Type says what it is; the body need not start with "#cloud-config".
      return UserDataClassifier.of(UserData.Kind.CLOUD_CONFIG, content);
    }
    if (SCRIPT_TYPES.contains(type)) {
      if (content.length >= 2 && content[0] == '#' && content[1] == '!') {
        return UserDataClassifier.of(UserData.Kind.SCRIPT, content);
      }
      return new UserData(
          UserData.Kind.UNKNOWN,
          content,
          false,
          List.of(),
          Optional.of("a " + type + " part must begin with \"#!\""));
    }
    if (media.type().equals("multipart")) {
      return read(content, 0, line, located, media, depth + 1);
    }
    if (INCLUDE_TYPES.contains(type)) {
      // The Content-Type says what it is; the body need not start with "#include".
      return UserDataClassifier.of(UserData.Kind.INCLUDE, content);
    }
    if (CLOUD_INIT_ONLY_TYPES.contains(type)) {
      return UserDataClassifier.of(UserData.Kind.UNKNOWN, content);
    }
    return classifier.content(content, line, located, depth + 1);
  }

  private static String fileName(MimeHeaders headers, MediaType type) {
    Optional<String> fromDisposition =
        headers
            .get("content-disposition")
            .flatMap(f -> MediaType.parse(f.value()).param("filename"));
    String name = fromDisposition.or(() -> type.param("name")).orElse("");
    StringBuilder clean = new StringBuilder(name.length());
    name.codePoints().forEach(cp -> clean.appendCodePoint(Character.isISOControl(cp) ? '?' : cp));
    return clean.toString();
  }

  private static UserData failed(String problem) {
    return new UserData(UserData.Kind.UNKNOWN, new byte[0], false, List.of(), Optional.of(problem));
  }

  private static UserData problem(byte[] data, String problem) {
    return UserDataClassifier.multipart(data, List.of(), Optional.of(problem));
  }
}
