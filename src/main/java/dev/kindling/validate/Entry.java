package dev.kindling.validate;

import dev.kindling.config.Finding;
import java.util.Objects;
import java.util.Optional;

/**
 * A located finding as reported for one input.
 *
 * @param finding the finding, with display path and position
 * @param part the multipart part it belongs to ({@code part 2 (x.yaml)}), if any
 * @param sourceLine the text of the source line it points at, for the caret display, if known
 */
public record Entry(Finding finding, Optional<String> part, Optional<String> sourceLine) {
  public Entry {
    Objects.requireNonNull(finding, "finding");
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(sourceLine, "sourceLine");
  }
}
