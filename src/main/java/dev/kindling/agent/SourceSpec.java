package dev.kindling.agent;

import dev.kindling.datasource.DatasourceType;
import java.util.Objects;

/**
 * One datasource to try, as the request resolved it.
 *
 * @param type which source
 * @param value its argument (a URL or path), "" for sources that take none
 * @param origin where it came from: {@code option}, {@code oem NAME} or {@code auto}
 */
record SourceSpec(DatasourceType type, String value, String origin) {
  SourceSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(origin, "origin");
  }
}
