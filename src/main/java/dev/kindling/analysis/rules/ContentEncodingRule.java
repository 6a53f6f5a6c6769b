package dev.kindling.analysis.rules;

import dev.kindling.config.CloudConfigSchema;
import dev.kindling.config.Code;
import dev.kindling.config.ContentDecoder;
import dev.kindling.config.Finding;
import dev.kindling.config.WriteFile;
import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.config.yaml.YamlScalar;
import dev.kindling.value.Gzip;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code write_files[].content} must decode per its {@code encoding}, with the decoder {@code run}
 * uses. Kindling's decoder rejects truncated gzip and unpadded base64
 * (docs/compatibility.md#truncated-gzip-content-is-an-error); an entry with an encoding but no
 * content is reported at the entry, not at line 0
 * (docs/compatibility.md#a-missing-content-is-reported-at-its-entry). Unsupported encodings are
 * left to the {@code invalid-value} finding of the binder. The decoded contents of all entries of
 * one config may add up to 64 MiB ({@link Gzip#LIMIT}); the entry that would cross it is an error
 * (and not written), so a config cannot expand to many times that with many entries.
 */
final class ContentEncodingRule implements Rule {
  private static final String BINARY_TAG = "tag:yaml.org,2002:binary";

  @Override
  public void check(RuleContext context, Consumer<Finding> out) {
    List<WriteFile> files = context.config().writeFiles();
    long left = Gzip.LIMIT;
    for (int i = 0; i < files.size(); i++) {
      WriteFile file = files.get(i);
      String encoding = file.encoding();
      if (encoding.isEmpty()) {
        left -= file.content().size(); // text: bounded by the document, counted all the same
        continue;
      }
      if (!CloudConfigSchema.ENCODINGS.contains(encoding)) {
        continue;
      }
      ConfigPath entry = ConfigPath.of("write_files", i);
      ConfigPath content = entry.key("content");
      if (context.sources().node(content).isEmpty()) {
        out.accept(
            Finding.error(Code.CONTENT_DECODE, entry, cannotDecode(encoding))
                .withArgs(encoding)
                .withHint(
                    "the entry has an encoding but no content; add the encoded content, or remove"
                        + " encoding to write an empty file"));
        continue;
      }
      ContentDecoder.Result decoded =
          ContentDecoder.decode(encoding, file.content(), Math.max(0, left));
      if (decoded instanceof ContentDecoder.Decoded d) {
        left -= d.content().size();
      } else if (decoded instanceof ContentDecoder.TooLarge) {
        long used = Gzip.LIMIT - Math.max(0, left);
        out.accept(
            Finding.error(Code.CONTENT_DECODE, content, cannotDecode(encoding))
                .withHint(
                    "it decodes to more than "
                        + (used == 0 ? "" : "the " + Math.max(0, left) + " bytes left of ")
                        + "the "
                        + Gzip.LIMIT
                        + " bytes (64 MiB) all write_files contents of a config may decode to"
                        + (used == 0 ? "" : " (the entries before it use " + used + ")")
                        + "; fetch large files at boot (e.g. from a unit) instead"));
      } else if (decoded instanceof ContentDecoder.Failed f) {
        boolean binary =
            context.sources().node(content).orElseThrow() instanceof YamlScalar s
                && BINARY_TAG.equals(s.tag());
        String advice =
            binary && !encoding.equals("gz") && !encoding.equals("gzip")
                ? "the !!binary tag already decodes the base64 text; remove either the tag or the"
                    + " base64 from the encoding"
                : advice(encoding);
        Finding finding =
            Finding.error(Code.CONTENT_DECODE, content, cannotDecode(encoding))
                .withHint(f.reason() + "; " + advice);
        out.accept(f.originalAccepts() ? finding : finding.withArgs(encoding));
      }
    }
  }

  private static String cannotDecode(String encoding) {
    return "content cannot be decoded as \"" + encoding + "\"";
  }

  private static String advice(String encoding) {
    if (encoding.equals("gz") || encoding.equals("gzip")) {
      return "gzip content must be the complete compressed bytes, written as a !!binary scalar"
          + " (or use encoding gzip+base64 with base64 text)";
    }
    if (encoding.startsWith("gz")) {
      return "the content must be the base64 of a complete gzip stream, e.g. the output of"
          + " \"gzip -c FILE | base64 -w0\"";
    }
    return "base64 content uses the standard alphabet and is padded with \"=\" to a multiple of 4"
        + " characters (line breaks are ignored), e.g. the output of \"base64 -w0 FILE\"";
  }
}
