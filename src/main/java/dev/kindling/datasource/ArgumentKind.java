package dev.kindling.datasource;

import dev.kindling.datasource.http.MetadataClient;
import java.net.URI;
import java.net.URISyntaxException;

/** What a datasource option takes: a URL, a directory, a file, or nothing. */
public enum ArgumentKind {
  /** An http or https base URL; checked before anything else happens. */
  URL("URL"),
  /** A directory (a mounted drive, the waagent directory). */
  DIRECTORY("DIR"),
  /** A file. */
  FILE("FILE"),
  /** No argument: the option is a switch. */
  NONE("");

  private final String label;

  ArgumentKind(String label) {
    this.label = label;
  }

  /** The placeholder in usage texts: {@code URL}, {@code DIR}, {@code FILE} ("" for none). */
  public String label() {
    return label;
  }

  /**
   * Checks a value given for an option of this kind.
   *
   * @throws IllegalArgumentException with the reason, when the value cannot be used
   */
  public void check(String value) {
    if (this == URL) {
      try {
        MetadataClient.checkScheme(new URI(value));
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(e.getMessage(), e);
      }
    } else if (this != NONE && value.isEmpty()) {
      throw new IllegalArgumentException("an empty path");
    }
  }
}
