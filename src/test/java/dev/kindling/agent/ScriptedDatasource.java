package dev.kindling.agent;

import dev.kindling.datasource.Datasource;
import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.Deadline;
import dev.kindling.datasource.PartialMetadata;
import dev.kindling.metadata.Metadata;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A datasource that is available at once and delivers what the test scripted: user data or a
 * failure, and metadata with the items that failed.
 */
final class ScriptedDatasource implements Datasource {
  private final Optional<String> userData;
  private final Optional<String> userDataFailure;
  private final PartialMetadata metadata;

  private ScriptedDatasource(
      Optional<String> userData, Optional<String> userDataFailure, PartialMetadata metadata) {
    this.userData = userData;
    this.userDataFailure = userDataFailure;
    this.metadata = metadata;
  }

  /** Delivers {@code userData} and {@code metadata}, reporting {@code failures} as failed items. */
  static ScriptedDatasource delivering(String userData, Metadata metadata, String... failures) {
    return new ScriptedDatasource(
        Optional.of(userData), Optional.empty(), new PartialMetadata(metadata, List.of(failures)));
  }

  /** Answers its probe, then fails to deliver its user data with {@code message}. */
  static ScriptedDatasource failingUserData(String message) {
    return new ScriptedDatasource(
        Optional.empty(), Optional.of(message), PartialMetadata.complete(Metadata.empty()));
  }

  @Override
  public String type() {
    return "scripted";
  }

  @Override
  public boolean isAvailable(Deadline deadline) {
    return true;
  }

  @Override
  public boolean availabilityChanges() {
    return false;
  }

  @Override
  public Optional<byte[]> fetchUserData(Deadline deadline) throws DatasourceException {
    if (userDataFailure.isPresent()) {
      throw new DatasourceException(userDataFailure.get());
    }
    return userData.map(t -> t.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Metadata fetchMetadata(Deadline deadline) throws DatasourceException {
    return metadata.orThrow();
  }

  @Override
  public PartialMetadata fetchPartialMetadata(Deadline deadline) {
    return metadata;
  }
}
