package ai.iceos.blueprint.api;

import java.util.Optional;
import java.util.UUID;

/** Path ids are UUIDs; anything else names nothing (404), never a 400 or 500. */
final class Ids {
  private Ids() {}

  static Optional<UUID> parse(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static UUID require(String id, String what) {
    return parse(id).orElseThrow(() -> notFound(what, id));
  }

  static ProblemException notFound(String what, String id) {
    return new ProblemException(ProblemType.NOT_FOUND, "No " + what + " with id '" + id + "'.");
  }
}
