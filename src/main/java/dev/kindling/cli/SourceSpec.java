package dev.kindling.cli;

import java.util.Objects;

/**
 * One datasource to try, as the options resolved it.
 *
 * @param kind which source
 * @param value its argument (a URL or path), "" for sources that take none
 * @param origin where it came from: {@code option}, {@code oem NAME} or {@code auto}
 */
record SourceSpec(SourceKind kind, String value, String origin) {
  SourceSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(origin, "origin");
  }
}
