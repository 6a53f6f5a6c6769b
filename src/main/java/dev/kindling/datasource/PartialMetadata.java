package dev.kindling.datasource;

import dev.kindling.metadata.Metadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Metadata as far as it could be fetched, and what could not: a source that reads item by item
 * (EC2, GCE) keeps every item that arrived when another fails, so the agent can apply what is known
 * and report the rest.
 *
 * @param metadata what arrived
 * @param failures one message per item that failed, e.g. {@code failed to fetch public-keys/: GET
 *     ...: HTTP 500 (...)}; empty when everything arrived
 */
public record PartialMetadata(Metadata metadata, List<String> failures) {
  public PartialMetadata {
    Objects.requireNonNull(metadata, "metadata");
    failures = List.copyOf(failures);
  }

  /** Metadata that arrived whole. */
  public static PartialMetadata complete(Metadata metadata) {
    return new PartialMetadata(metadata, List.of());
  }

  /**
   * The metadata when everything arrived.
   *
   * @throws DatasourceException with the first failure otherwise
   */
  public Metadata orThrow() throws DatasourceException {
    if (!failures.isEmpty()) {
      throw new DatasourceException(failures.get(0));
    }
    return metadata;
  }

  /** One metadata item to fetch; empty when the source does not have it. */
  @FunctionalInterface
  public interface Item<T> {
    /** Fetches the item. */
    Optional<T> fetch() throws DatasourceException, InterruptedException;
  }

  /** Collects the failures of the items of one metadata fetch. */
  public static final class Failures {
    private final List<String> messages = new ArrayList<>();

    /** The item, or empty when it failed (the failure is kept). */
    public <T> Optional<T> item(Item<T> item) throws InterruptedException {
      try {
        return item.fetch();
      } catch (DatasourceException e) {
        messages.add(e.getMessage());
        return Optional.empty();
      }
    }

    /** Records a failure found while reading an item. */
    public void add(String message) {
      messages.add(message);
    }

    /** The failures so far, in order. */
    public List<String> list() {
      return List.copyOf(messages);
    }
  }
}
